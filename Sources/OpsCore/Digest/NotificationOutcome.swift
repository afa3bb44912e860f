/// What a notification invocation answers: the figures an operator (or the local emulation) checks first.
public struct NotificationOutcome: Codable, Sendable, Equatable {
    public var slot: String
    public var windowStart: String
    public var windowEnd: String
    /// The window's alerts, `[TEST]` ones excluded.
    public var alerts: Int
    public var testNotifications: Int
    public var dayAlerts: Int
    public var episodes: Int
    public var openEpisodes: Int
    public var flapping: Int
    public var alertsDayEarlier: Int
    public var medianTimeToRecoverSeconds: Int64?
    public var maximumTimeToRecoverSeconds: Int64?
    /// `finished`, `failed`, `running` or `missing`.
    public var checkRun: String
    public var checkNotOK: Int
    public var reportKey: String?
    public var reportURL: String?
    public var posted: Bool

    init(summary: NotificationSummary, report: PublishedReport?, posted: Bool) {
        slot = summary.slot.id
        windowStart = summary.window.start.iso8601()
        windowEnd = summary.window.end.iso8601()
        alerts = summary.windowDigest.total
        testNotifications = summary.windowDigest.testNotifications
        dayAlerts = summary.dayDigest.total
        episodes = summary.windowDigest.episodes.count
        openEpisodes = summary.windowDigest.openEpisodes.count
        flapping = summary.windowDigest.flapping.count
        alertsDayEarlier = summary.trend.previous
        medianTimeToRecoverSeconds = summary.windowDigest.medianTimeToRecover.map { $0 / 1000 }
        maximumTimeToRecoverSeconds = summary.windowDigest.maximumTimeToRecover.map { $0 / 1000 }
        checkRun = summary.checkRun.status
        checkNotOK = summary.checkRun.notOK.count
        reportKey = report?.key
        reportURL = report?.url
        self.posted = posted
    }
}
