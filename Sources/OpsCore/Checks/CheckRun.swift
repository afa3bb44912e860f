import CivilTime

/// The summary of one run: what the run record holds and the message headline counts.
public struct CheckRun: Sendable, Equatable {
    public var slotID: String
    public var started: Instant
    public var finished: Instant
    public var counts: [CheckClass: Int]
    /// Priority (0 when the monitor has none) to counts by class.
    public var countsByPriority: [Int: [CheckClass: Int]]

    public init(slotID: String, started: Instant, finished: Instant, checks: [MonitorCheck]) {
        self.slotID = slotID
        self.started = started
        self.finished = finished
        var counts: [CheckClass: Int] = [:]
        var byPriority: [Int: [CheckClass: Int]] = [:]
        for check in checks {
            counts[check.checkClass, default: 0] += 1
            byPriority[check.priority ?? 0, default: [:]][check.checkClass, default: 0] += 1
        }
        self.counts = counts
        self.countsByPriority = byPriority
    }

    public var total: Int { counts.values.reduce(0, +) }
    public var notOK: Int { total - (counts[.ok] ?? 0) }
}
