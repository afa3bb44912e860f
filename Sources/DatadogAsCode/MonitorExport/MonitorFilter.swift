import OpsCore

/// Which monitors an export keeps (`--tag`, `--priority`): those carrying every tag, whose priority is one of
/// those asked for. Tags compare whole and without regard to case, as Datadog stores them lower-cased; Datadog
/// is asked with the same tags (`monitor_tags`) to list fewer pages, and its looser match is narrowed here.
public struct MonitorFilter: Sendable, Equatable {
    public var tags: [String]
    /// Empty: every priority, none included.
    public var priorities: Set<Int>

    public init(tags: [String] = [], priorities: Set<Int> = []) {
        self.tags = tags
        self.priorities = priorities
    }

    public func includes(_ monitor: Monitor) -> Bool {
        let carried = Set(monitor.tags.map { $0.lowercased() })
        guard tags.allSatisfy({ carried.contains($0.lowercased()) }) else { return false }
        guard !priorities.isEmpty else { return true }
        return monitor.priority.map(priorities.contains) ?? false
    }
}

extension Monitor {
    /// The value of the `team:` tag: its key matched exactly, not as a substring (2023's `myteam:x` counted as a team).
    public var team: String? {
        tags.lazy.compactMap { tag -> String? in
            guard let colon = tag.firstIndex(of: ":"), tag[..<colon] == "team" else { return nil }
            return String(tag[tag.index(after: colon)...])
        }.first
    }
}
