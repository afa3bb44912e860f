/// Where rendered reports go and how readers reach them: a private bucket and a pre-signed link.
public protocol ReportStore: Sendable {
    func publish(html: String, key: String) async throws -> PublishedReport

    /// A fresh link to a report published earlier (the notification links the check run's report).
    func link(key: String) async throws -> PublishedReport
}
