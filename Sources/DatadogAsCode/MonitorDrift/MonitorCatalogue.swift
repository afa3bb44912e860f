import OpsCore

/// The monitor catalogue (`terraform/datadog/monitors.json`), read as the `monitor-catalogue` module's variable
/// types it: what differs per monitor. Entries Terraform would refuse (a key twice, a priority outside 1–5, a
/// missing field) are refused here too: drift against a catalogue that cannot be applied means nothing.
public struct MonitorCatalogue: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var priority: Int
        public var tower: String
        public var title: String
        public var type: String
        public var query: String
        public var message: String
        /// Only the thresholds set (a null one is unset, as in Terraform).
        public var thresholds: [String: Double]
        public var tags: [String]
        /// Only the options set, by the module's names.
        public var options: [String: JSONValue]

        public init(
            key: String, priority: Int, tower: String, title: String, type: String = "query alert", query: String, message: String = "",
            thresholds: [String: Double] = [:], tags: [String] = [], options: [String: JSONValue] = [:]
        ) {
            self.key = key
            self.priority = priority
            self.tower = tower
            self.title = title
            self.type = type
            self.query = query
            self.message = message
            self.thresholds = thresholds
            self.tags = tags
            self.options = options
        }
    }

    /// `monitor_thresholds` of the module: the other keys Datadog may hold (`ok`, `unknown`) are not managed.
    public static let thresholdNames = ["critical", "warning", "critical_recovery", "warning_recovery"]
    /// The module's `options` with the defaults it gives an option left out (nil: Datadog's own default applies).
    public static let optionDefaults: [(name: String, moduleDefault: JSONValue?)] = [
        ("renotify_interval", nil), ("renotify_statuses", nil), ("new_group_delay", nil), ("notify_no_data", .bool(false)),
        ("no_data_timeframe", nil), ("evaluation_delay", nil), ("require_full_window", .bool(false)), ("include_tags", .bool(true)),
        ("escalation_message", nil), ("enable_logs_sample", nil), ("timeout_h", nil),
    ]

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    public init(json bytes: [UInt8]) throws(CatalogueError) {
        let document: JSONTree
        do {
            document = try JSONTree(parsing: bytes)
        } catch {
            throw CatalogueError(path: "(catalogue)", problem: error.description)
        }
        guard let items = document["monitors"]?.arrayValue else {
            throw CatalogueError(path: "(catalogue)", problem: "a catalogue is an object with a \"monitors\" array")
        }
        var entries: [Entry] = []
        var keys: Set<String> = []
        for (index, item) in items.enumerated() {
            let entry = try Self.entry(item, path: "monitors[\(index)]")
            guard keys.insert(entry.key).inserted else {
                throw CatalogueError(path: "monitors[\(index)].key", problem: "\(entry.key) is used twice (it becomes the monitor:<KEY> label)")
            }
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw CatalogueError(path: "monitors", problem: "the catalogue is empty") }
        self.entries = entries
    }

    static func entry(_ item: JSONTree, path: String) throws(CatalogueError) -> Entry {
        guard item.members != nil else { throw CatalogueError(path: path, problem: "expected an object") }
        func text(_ name: String) throws(CatalogueError) -> String {
            guard let value = item[name]?.stringValue else { throw CatalogueError(path: "\(path).\(name)", problem: "expected a string") }
            return value
        }
        guard let priority = item["priority"], priority.isIntegral, let number = priority.numberValue, (1...5).contains(number) else {
            throw CatalogueError(path: "\(path).priority", problem: "expected 1, 2, 3, 4 or 5")
        }
        var thresholds: [String: Double] = [:]
        for member in item["thresholds"]?.members ?? [] where member.value != .null {
            guard let value = member.value.numberValue else { throw CatalogueError(path: "\(path).thresholds.\(member.key)", problem: "expected a number") }
            thresholds[member.key] = value
        }
        var tags: [String] = []
        for (index, tag) in (item["tags"]?.arrayValue ?? []).enumerated() {
            guard let tag = tag.stringValue else { throw CatalogueError(path: "\(path).tags[\(index)]", problem: "expected a string") }
            tags.append(tag)
        }
        var options: [String: JSONValue] = [:]
        for member in item["options"]?.members ?? [] where member.value != .null {
            options[member.key] = JSONValue(member.value)
        }
        return Entry(
            key: try text("key"), priority: Int(number), tower: try text("tower"), title: try text("title"), type: try text("type"),
            query: try text("query"), message: try text("message"), thresholds: thresholds, tags: tags, options: options)
    }
}

/// Where a catalogue is wrong, as a `monitors[3].priority`-style path and what was expected there.
public struct CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public var description: String { "\(path): \(problem)" }
}

extension JSONValue {
    /// A catalogue value to compare with what Datadog holds; an integer too large for 64 bits as a double.
    init(_ tree: JSONTree) {
        switch tree {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let digits): self = Int64(digits).map(JSONValue.integer) ?? .number(Double(digits) ?? 0)
        case .double(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members): self = .object(Dictionary(members.map { ($0.key, JSONValue($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }
}
