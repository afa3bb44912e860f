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

/// The check run of the notification's slot, found by its key, and its non-OK monitors.
public struct CheckRunSummary: Sendable, Equatable {
    public var slotID: String
    /// Nil when daily-check stored no run for the slot.
    public var record: CheckRunRecord?
    /// Monitors whose class is not OK, in the check report's order (worst first).
    public var notOK: [MonitorCheckRecord]

    public init(slotID: String, record: CheckRunRecord?, notOK: [MonitorCheckRecord]) {
        self.slotID = slotID
        self.record = record
        self.notOK = notOK
    }

    /// The run record's status, or `missing`.
    public var status: String { record?.status ?? "missing" }

    /// What the team must be told loudly; nil when the run finished.
    public var warning: String? {
        guard let record else { return "No check run was found for the \(slotID) slot: daily-check did not run or did not save." }
        switch record.status {
        case "finished": return nil
        case "failed": return "The \(slotID) check failed: " + (record.error ?? "no monitor could be listed") + "."
        case "running":
            return "The \(slotID) check has not finished: it started but saved no result (still running, or it timed out or crashed)."
        default: return "The \(slotID) check has not finished (status \(record.status))."
        }
    }
}
