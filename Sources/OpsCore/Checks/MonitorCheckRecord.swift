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
    public var checkClass: Stored<CheckClass>
    public var groups: [Group]
    public var query: String
    public var tags: [String]
    public var label: String
    public var category: Stored<CheckCategory>
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
        checkClass = Stored(check.checkClass)
        groups = check.failingGroups.map { Group(name: $0.name, status: $0.status, since: $0.since?.epochMilliseconds) }
        query = check.query
        tags = check.tags
        label = check.label
        category = Stored(check.category)
        stateModified = check.stateModified?.epochMilliseconds
        monitorJSON = check.monitorJSON
        error = check.errorDetail
        self.expiresAt = expiresAt
    }
}
