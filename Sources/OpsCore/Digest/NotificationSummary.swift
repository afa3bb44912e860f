import CivilTime

/// Everything one notification run reports (SPEC §7): the alerts of the window since the previous slot and
/// of the local day so far, the trend against the same window a day earlier, and the slot's check run.
/// The alert report and the Slack digest are both rendered from this one value.
public struct NotificationSummary: Sendable {
    public var slot: CheckSlot
    /// `[previous slot, slot)`.
    public var window: TimeWindow
    /// `[local midnight of the slot's day, slot)`.
    public var day: TimeWindow
    public var windowDigest: AlertDigest
    public var dayDigest: AlertDigest
    /// The window against the same slot's window a local day earlier.
    public var trend: AlertTrend
    /// The window's alerts, `[TEST]` ones included (flagged), in time order: the report's full table.
    public var alerts: [Alert]
    public var checkRun: CheckRunSummary

    public init(
        slot: CheckSlot, window: TimeWindow, day: TimeWindow, windowDigest: AlertDigest, dayDigest: AlertDigest,
        trend: AlertTrend, alerts: [Alert], checkRun: CheckRunSummary
    ) {
        self.slot = slot
        self.window = window
        self.day = day
        self.windowDigest = windowDigest
        self.dayDigest = dayDigest
        self.trend = trend
        self.alerts = alerts
        self.checkRun = checkRun
    }
}
