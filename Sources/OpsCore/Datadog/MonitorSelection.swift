import HTTPCore

/// Which monitors a check covers (SPEC §6): those carrying every tag (asked of Datadog) whose priority is
/// in the set (filtered here, the list endpoint has no priority filter).
public struct MonitorSelection: Sendable, Equatable {
    public var tags: [String]
    public var priorities: Set<Int>

    public init(tags: [String], priorities: Set<Int> = [1, 2]) {
        self.tags = tags
        self.priorities = priorities
    }

    public func includes(_ monitor: Monitor) -> Bool {
        guard let priority = monitor.priority else { return false }
        return priorities.contains(priority)
    }
}

extension EnvironmentReader {
    /// `OPS_MONITOR_TAGS` (comma-separated, optional) and `OPS_MONITOR_PRIORITIES` (default `1,2`).
    public func monitorSelection() throws(ConfigurationError) -> MonitorSelection {
        let tagText: String = string("OPS_MONITOR_TAGS", default: "")
        let tags = tagText.split(separator: ",").map { String(String($0).trimmedWhitespace) }.filter { !$0.isEmpty }
        guard tags.allSatisfy({ !$0.contains(" ") }) else {
            throw ConfigurationError(variable: "OPS_MONITOR_TAGS", value: tagText, expected: "comma-separated tags such as team:argos")
        }
        guard let text = optional("OPS_MONITOR_PRIORITIES") else { return MonitorSelection(tags: tags) }
        var priorities = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(String(part).trimmedWhitespace), (1...5).contains(value) else {
                throw ConfigurationError(variable: "OPS_MONITOR_PRIORITIES", value: text, expected: "comma-separated priorities 1–5, e.g. 1,2")
            }
            priorities.insert(value)
        }
        return MonitorSelection(tags: tags, priorities: priorities)
    }
}
