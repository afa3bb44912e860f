import CivilTime
import OpsCore

/// The monitors of an organisation as the 2023 exporter listed them (SPEC §13.4): one row each, in id order,
/// with the total and the count per team for the title. Pure: the monitors in, the rows out.
public struct MonitorExport: Sendable {
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var id: Int64
        public var team: String?
        public var name: String
        public var priority: Int?
        public var created: Instant?
        public var modified: Instant?
        public var creator: MonitorCreator?
        public var query: String
        public var options: JSONTree
        public var tags: [String]
        public var type: String
        public var message: String

        /// `P2`, or empty when the monitor has no priority.
        public var priorityText: String { priority.map { "P\($0)" } ?? "" }

        /// `key: value` lines, as 2023 wrote them.
        public var creatorText: String {
            guard let creator else { return "" }
            return [("name", creator.name), ("handle", creator.handle), ("email", creator.email), ("id", creator.id.map { String($0) })]
                .compactMap { key, value in value.map { "\(key): \($0)" } }.joined(separator: "\n")
        }

        /// Indented JSON, keys sorted.
        public var optionsText: String { options == .null ? "" : options.indentedText }
    }

    /// A team and how many rows carry it; `team` nil counts the monitors without a `team:` tag.
    public struct TeamCount: Sendable, Equatable {
        public var team: String?
        public var monitors: Int

        public init(team: String?, monitors: Int) {
            self.team = team
            self.monitors = monitors
        }
    }

    public let rows: [Row]
    public let generated: Instant
    /// Where the created and modified times are shown.
    public let zone: ZoneRules

    public init(monitors: [Monitor], filter: MonitorFilter = MonitorFilter(), generated: Instant, zone: ZoneRules) {
        self.generated = generated
        self.zone = zone
        rows = monitors.filter(filter.includes).sorted { $0.id < $1.id }.enumerated().map { index, monitor in
            Row(
                number: index + 1, id: monitor.id, team: monitor.team, name: monitor.name, priority: monitor.priority, created: monitor.created,
                modified: monitor.modified, creator: monitor.creator, query: monitor.query, options: JSONTree(monitor.options), tags: monitor.tags,
                type: monitor.type, message: monitor.message)
        }
    }

    /// Most monitors first, then by name; the monitors without a team last.
    public var teams: [TeamCount] {
        var counts: [String: Int] = [:]
        var withoutTeam = 0
        for row in rows {
            if let team = row.team { counts[team, default: 0] += 1 } else { withoutTeam += 1 }
        }
        var teams = counts.map { TeamCount(team: $0.key, monitors: $0.value) }.sorted {
            $0.monitors != $1.monitors ? $0.monitors > $1.monitors : $0.team!.utf8.lexicographicallyPrecedes($1.team!.utf8)
        }
        if withoutTeam > 0 { teams.append(TeamCount(team: nil, monitors: withoutTeam)) }
        return teams
    }

    /// `Datadog Alert List(Total[276], "argos":[79], …, "-":[3])`, 2023's title; `-` stands for no team.
    public var title: String {
        let parts = ["Total[\(rows.count)]"] + teams.map { "\"\($0.team ?? "-")\":[\($0.monitors)]" }
        return "Datadog Alert List(\(parts.joined(separator: ", ")))"
    }
}
