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
    public var status: String { record?.status.spelling ?? "missing" }

    /// What the team must be told loudly; nil when the run finished.
    public var warning: String? {
        guard let record else { return "No check run was found for the \(slotID) slot: daily-check did not run or did not save." }
        switch record.status {
        case .known(.finished): return nil
        case .known(.failed): return "The \(slotID) check failed: " + (record.error ?? "no monitor could be listed") + "."
        case .known(.incomplete):
            return "The \(slotID) check is incomplete: " + (record.error ?? "some monitors could not be read") + "."
        case .known(.running):
            return "The \(slotID) check has not finished: it started but saved no result (still running, or it timed out or crashed)."
        case .unrecognised(let status): return "The \(slotID) check has not finished (status \(status))."
        }
    }
}
