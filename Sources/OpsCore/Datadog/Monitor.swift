import CivilTime

/// A monitor as `GET /api/v1/monitor` returns it, read leniently: only `id` is required, unknown fields are
/// ignored, and the whole object is kept as `raw` for the check record. The check reads its state; the
/// operators' export and drift also read what was written into it (message, options) and by whom.
public struct Monitor: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var type: String
    public var query: String
    public var tags: [String]
    public var priority: Int?
    public var multi: Bool
    public var overallState: MonitorStatus
    public var overallStateModified: Instant?
    /// Group name to state; empty when the answer had no `state.groups`.
    public var groups: [String: MonitorGroupState]
    /// `options.silenced`: scope to "silenced until" (nil: with no end).
    public var silenced: [String: Instant?]
    public var matchingDowntimes: [MonitorDowntime]
    public var message: String
    /// `options` whole (thresholds, notification settings, `silenced`): `.null` when absent.
    public var options: JSONValue
    public var created: Instant?
    public var modified: Instant?
    public var creator: MonitorCreator?
    public var raw: JSONValue

    public init(
        id: Int64, name: String, type: String = "query alert", query: String = "", tags: [String] = [],
        priority: Int? = nil, multi: Bool = false, overallState: MonitorStatus, overallStateModified: Instant? = nil,
        groups: [String: MonitorGroupState] = [:], silenced: [String: Instant?] = [:],
        matchingDowntimes: [MonitorDowntime] = [], message: String = "", options: JSONValue = .null, created: Instant? = nil,
        modified: Instant? = nil, creator: MonitorCreator? = nil, raw: JSONValue = .null
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.query = query
        self.tags = tags
        self.priority = priority
        self.multi = multi
        self.overallState = overallState
        self.overallStateModified = overallStateModified
        self.groups = groups
        self.silenced = silenced
        self.matchingDowntimes = matchingDowntimes
        self.message = message
        self.options = options
        self.created = created
        self.modified = modified
        self.creator = creator
        self.raw = raw
    }

    /// The value of the `monitor:` tag, the label operators know a check by.
    public var label: String? {
        tags.first { $0.hasPrefix("monitor:") }.map { String($0.dropFirst("monitor:".count)) }
    }
}

extension Monitor: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, name, type, query, tags, priority, multi, options, state, message, created, modified, creator
        case overallState = "overall_state"
        case overallStateModified = "overall_state_modified"
        case matchingDowntimes = "matching_downtimes"
    }

    private enum OptionKeys: String, CodingKey { case silenced }
    private enum StateKeys: String, CodingKey { case groups }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        name = (try? container.decodeIfPresent(String.self, forKey: .name)) ?? ""
        type = (try? container.decodeIfPresent(String.self, forKey: .type)) ?? ""
        query = (try? container.decodeIfPresent(String.self, forKey: .query)) ?? ""
        tags = (try? container.decodeIfPresent([String].self, forKey: .tags)) ?? []
        priority = try? container.decodeIfPresent(Int.self, forKey: .priority)
        multi = (try? container.decodeIfPresent(Bool.self, forKey: .multi)) ?? false
        overallState = MonitorStatus((try? container.decodeIfPresent(String.self, forKey: .overallState)) ?? "Unknown")
        overallStateModified = DatadogTimestamp.decode(container, .overallStateModified)
        matchingDowntimes = (try? container.decodeIfPresent([MonitorDowntime].self, forKey: .matchingDowntimes)) ?? []
        groups = [:]
        if let state = try? container.nestedContainer(keyedBy: StateKeys.self, forKey: .state),
           let decoded = try? state.decodeIfPresent([String: MonitorGroupState].self, forKey: .groups) {
            for (key, var group) in decoded {
                if group.name.isEmpty { group.name = key }
                groups[key] = group
            }
        }
        silenced = [:]
        if let options = try? container.nestedContainer(keyedBy: OptionKeys.self, forKey: .options),
           let scopes = try? options.nestedContainer(keyedBy: AnyKey.self, forKey: .silenced) {
            for key in scopes.allKeys { silenced[key.stringValue] = DatadogTimestamp.decode(scopes, key) }
        }
        message = (try? container.decodeIfPresent(String.self, forKey: .message)) ?? ""
        options = (try? container.decodeIfPresent(JSONValue.self, forKey: .options)) ?? .null
        created = DatadogTimestamp.decode(container, .created)
        modified = DatadogTimestamp.decode(container, .modified)
        creator = try? container.decodeIfPresent(MonitorCreator.self, forKey: .creator)
        raw = try JSONValue(from: decoder)
    }
}

/// Who created a monitor (`creator`); Terraform-managed monitors name the key's user.
public struct MonitorCreator: Sendable, Equatable, Decodable {
    public var name: String?
    public var handle: String?
    public var email: String?
    public var id: Int64?

    public init(name: String? = nil, handle: String? = nil, email: String? = nil, id: Int64? = nil) {
        self.name = name
        self.handle = handle
        self.email = email
        self.id = id
    }

    private enum CodingKeys: String, CodingKey { case name, handle, email, id }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try? container.decodeIfPresent(String.self, forKey: .name)
        handle = try? container.decodeIfPresent(String.self, forKey: .handle)
        email = try? container.decodeIfPresent(String.self, forKey: .email)
        id = try? container.decodeIfPresent(Int64.self, forKey: .id)
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
