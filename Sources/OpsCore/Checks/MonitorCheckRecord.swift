/// One monitor's check in a slot, within DynamoDB's 400 KB item limit: a by-host monitor with thousands of
/// groups would pass it with its full JSON and every failing group, and fail the whole save on every retry.
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
    /// True when `monitorJSON` was cut or `groups` shortened to fit the item.
    public var truncated: Bool?
    /// How many groups were failing when `groups` holds only the oldest of them.
    public var groupsTotal: Int?

    /// What the record may take of DynamoDB's 400 KB, leaving room for attribute names and encoding.
    static let itemBudget = 350_000
    /// Failing groups may take at most this share, so the monitor's JSON keeps its beginning.
    static let groupsBudget = itemBudget / 2

    enum CodingKeys: String, CodingKey {
        case pk, sk, name, priority, groups, query, tags, label, category, error, truncated
        case monitorID = "monitor_id", checkClass = "class", stateModified = "state_modified"
        case monitorJSON = "monitor_json", expiresAt = "expires_at", groupsTotal = "groups_total"
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
        fitIntoItemBudget()
    }

    /// Keeps the oldest failing groups that fit their share, then cuts the monitor JSON to what is left.
    private mutating func fitIntoItemBudget() {
        func size(_ group: Group) -> Int { group.name.utf8.count + group.status.utf8.count + 40 }
        var groupBytes = 0
        var kept = 0
        for group in groups {
            guard groupBytes + size(group) <= Self.groupsBudget else { break }
            groupBytes += size(group)
            kept += 1
        }
        if kept < groups.count {
            groupsTotal = groups.count
            groups.removeLast(groups.count - kept)
            truncated = true
        }
        let rest = 2_000 + groupBytes + [pk, sk, monitorID, name, query, label, error ?? ""].reduce(0) { $0 + $1.utf8.count }
            + tags.reduce(0) { $0 + $1.utf8.count + 4 }
        let room = max(0, Self.itemBudget - rest)
        if monitorJSON.utf8.count > room {
            monitorJSON = String(decoding: monitorJSON.utf8.prefix(room), as: UTF8.self)
            truncated = true
        }
    }
}
