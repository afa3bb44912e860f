import CivilTime

/// The summary of one run: what the run record holds and the message headline counts.
public struct CheckRun: Sendable, Equatable {
    public var slotID: String
    public var started: Instant
    public var finished: Instant
    public var counts: [CheckClass: Int]
    /// Priority (0 when the monitor has none) to counts by class.
    public var countsByPriority: [Int: [CheckClass: Int]]
    /// Monitors whose state could not be read, by reason (they are also counted as `Error`).
    public var unread: [ReadFailure: Int]

    public init(slotID: String, started: Instant, finished: Instant, checks: [MonitorCheck]) {
        self.slotID = slotID
        self.started = started
        self.finished = finished
        var counts: [CheckClass: Int] = [:]
        var byPriority: [Int: [CheckClass: Int]] = [:]
        var unread: [ReadFailure: Int] = [:]
        for check in checks {
            counts[check.checkClass, default: 0] += 1
            byPriority[check.priority ?? 0, default: [:]][check.checkClass, default: 0] += 1
            if let failure = check.readFailure, failure.leavesStateUnknown { unread[failure, default: 0] += 1 }
        }
        self.counts = counts
        self.countsByPriority = byPriority
        self.unread = unread
    }

    public var total: Int { counts.values.reduce(0, +) }
    public var notOK: Int { total - (counts[.ok] ?? 0) }

    /// `41 of 44 monitors read; 3 unreadable: Datadog rate limit`; nil when every monitor was read.
    public var incompleteness: String? {
        let missing = unread.values.reduce(0, +)
        guard missing > 0 else { return nil }
        let reasons = ReadFailure.allCases.compactMap { failure in
            unread[failure].map { unread.count == 1 ? failure.description : "\($0) \(failure)" }
        }
        return "\(total - missing) of \(total) monitors read; \(missing) unreadable: " + reasons.joined(separator: ", ")
    }
}
