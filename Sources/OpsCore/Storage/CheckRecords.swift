/// The checks table (SPEC §6): one partition per check slot, `pk = RUN#<slot id>`, holding the run record
/// (`sk = RUN`), one record per monitor (`sk = MONITOR#<id>`) and the Slack post marker (`sk = POST#<function>`).
/// One Query returns a slot's whole run; a re-run of the slot overwrites it.
public enum CheckKeys {
    public static func partitionKey(slotID: String) -> String { "RUN#" + slotID }
    public static let runSortKey = "RUN"
    public static func monitorSortKey(_ monitorID: String) -> String { "MONITOR#" + monitorID }
    public static func postSortKey(_ function: String) -> String { "POST#" + function }
}

/// The run record of a slot.
public struct CheckRunRecord: Codable, Sendable, Equatable {
    public var pk: String
    public var sk: String
    public var slot: String
    /// `running` while the check works, then `finished` or `failed` (the monitor listing failed).
    public var status: String
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

    public init(run: CheckRun, status: String, reportKey: String?, error: String?, retentionDays: Int) {
        pk = CheckKeys.partitionKey(slotID: run.slotID)
        sk = CheckKeys.runSortKey
        slot = run.slotID
        self.status = status
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
        expiresAt = run.finished.epochMilliseconds / 1000 + Int64(retentionDays) * 86_400
    }

    /// The record written when a check starts, so that a notification arriving while it still runs (or
    /// after it died) says "has not finished" rather than "did not run".
    public static func running(slotID: String, started: Instant, retentionDays: Int) -> CheckRunRecord {
        var record = CheckRunRecord(
            run: CheckRun(slotID: slotID, started: started, finished: started, checks: []), status: "running", reportKey: nil,
            error: nil, retentionDays: retentionDays)
        record.finishedAt = nil
        return record
    }
}

/// One monitor's check in a slot.
public struct MonitorCheckRecord: Codable, Sendable, Equatable {
    public struct Group: Codable, Sendable, Equatable {
        public var name: String
        public var status: String
        public var since: Int64?
    }

    public var pk: String
    public var sk: String
    public var monitorID: String
    public var name: String
    public var priority: Int?
    public var checkClass: String
    public var groups: [Group]
    public var query: String
    public var tags: [String]
    public var label: String
    public var category: String
    public var stateModified: Int64?
    public var monitorJSON: String
    public var error: String?
    public var expiresAt: Int64

    enum CodingKeys: String, CodingKey {
        case pk, sk, name, priority, groups, query, tags, label, category, error
        case monitorID = "monitor_id", checkClass = "class", stateModified = "state_modified"
        case monitorJSON = "monitor_json", expiresAt = "expires_at"
    }

    public init(check: MonitorCheck, slotID: String, expiresAt: Int64) {
        pk = CheckKeys.partitionKey(slotID: slotID)
        sk = CheckKeys.monitorSortKey(check.monitorID)
        monitorID = check.monitorID
        name = check.name
        priority = check.priority
        checkClass = check.checkClass.rawValue
        groups = check.failingGroups.map { Group(name: $0.name, status: $0.status, since: $0.since?.epochMilliseconds) }
        query = check.query
        tags = check.tags
        label = check.label
        category = check.category.rawValue
        stateModified = check.stateModified?.epochMilliseconds
        monitorJSON = check.monitorJSON
        error = check.errorDetail
        self.expiresAt = expiresAt
    }
}
