import CivilTime

/// The run record of a slot.
public struct CheckRunRecord: Codable, Sendable, Equatable {
    public var pk: String
    public var sk: String
    public var slot: String
    public var status: Stored<CheckRunStatus>
    public var startedAt: Int64
    public var finishedAt: Int64?
    public var total: Int
    public var notOK: Int
    /// Counts by class name, and by `P<n>` then class name.
    public var counts: [String: Int]
    public var countsByPriority: [String: [String: Int]]
    public var reportKey: String?
    public var error: String?
    public var expiresAt: Int64

    enum CodingKeys: String, CodingKey {
        case pk, sk, slot, status, total, counts, error
        case startedAt = "started_at", finishedAt = "finished_at", notOK = "not_ok"
        case countsByPriority = "counts_by_priority", reportKey = "report_key", expiresAt = "expires_at"
    }

    public init(run: CheckRun, status: CheckRunStatus, reportKey: String?, error: String?, retentionDays: Int) {
        pk = CheckKeys.partitionKey(slotID: run.slotID)
        sk = CheckKeys.runSortKey
        slot = run.slotID
        self.status = Stored(status)
        startedAt = run.started.epochMilliseconds
        finishedAt = run.finished.epochMilliseconds
        total = run.total
        notOK = run.notOK
        counts = Dictionary(uniqueKeysWithValues: run.counts.map { ($0.key.rawValue, $0.value) })
        countsByPriority = Dictionary(uniqueKeysWithValues: run.countsByPriority.map { priority, counts in
            ("P\(priority)", Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }))
        })
        self.reportKey = reportKey
        self.error = error
        expiresAt = Retention(days: retentionDays).expiresAt(epochMilliseconds: run.finished.epochMilliseconds)
    }

    /// The record written when a check starts, so that a notification arriving while it still runs (or
    /// after it died) says "has not finished" rather than "did not run".
    public static func running(slotID: String, started: Instant, retentionDays: Int) -> CheckRunRecord {
        var record = CheckRunRecord(
            run: CheckRun(slotID: slotID, started: started, finished: started, checks: []), status: .running, reportKey: nil,
            error: nil, retentionDays: retentionDays)
        record.finishedAt = nil
        return record
    }
}
