/// A pre-signed link to a report and when it really stops working (the signing credentials' expiry can
/// come before the requested lifetime).
public struct ReportLink: Sendable, Equatable {
    public var url: String
    public var expires: Instant

    public init(url: String, expires: Instant) {
        self.url = url
        self.expires = expires
    }

    /// `<url|title>` with the URL's control characters escaped, as Slack's link syntax wants.
    func slackLink(title: String) -> String {
        "<" + SlackText.escape(url.replacing("|", with: "%7C")) + "|" + SlackText.escape(title) + ">"
    }
}
