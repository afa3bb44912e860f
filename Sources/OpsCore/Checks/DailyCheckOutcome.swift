/// What a daily-check invocation answers.
public struct DailyCheckOutcome: Codable, Sendable, Equatable {
    public var slot: String
    public var status: CheckRunStatus
    public var total: Int
    public var notOK: Int
    public var counts: [String: Int]
    public var reportKey: String?
    /// The pre-signed link the Slack message carries, so whoever invoked the function can open the same report.
    public var reportURL: String?
    public var posted: Bool
    /// `41 of 44 monitors read; 3 unreadable: …` when the status is `incomplete`.
    public var incompleteness: String?
}
