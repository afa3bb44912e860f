import OpsCore

/// The catalogue against the live organisation (SPEC §13.4): missing monitors, the team's unmanaged ones,
/// managed ones changed in the UI (name, type, query, priority, thresholds, notification options, tags) and
/// managed ones that do not notify the collection webhook. A monitor belongs to a catalogue entry by its
/// `monitor:` tag, whatever its other tags say (a lost `team:` tag is a change, not a missing monitor).
/// Pure: the catalogue and the monitors in, the findings out.
public struct MonitorDrift: Sendable {
    public let conventions: MonitorConventions
    public let catalogueSize: Int
    /// Monitors carrying the team's tag.
    public let teamMonitors: Int
    public let findings: [DriftFinding]

    public init(catalogue: MonitorCatalogue, monitors: [Monitor], conventions: MonitorConventions) {
        self.conventions = conventions
        catalogueSize = catalogue.entries.count
        let live = monitors.sorted { $0.id < $1.id }
        let teamTag = "team:\(conventions.team)"
        teamMonitors = live.filter { $0.tags.contains(teamTag) }.count
        var labelled: [String: [Monitor]] = [:]
        for monitor in live {
            if let label = monitor.label { labelled[label, default: []].append(monitor) }
        }
        var matched: Set<Int64> = []
        var findings: [DriftFinding] = []
        for entry in catalogue.entries {
            let candidates = labelled[entry.key] ?? []
            // The team's own first: another team may have copied the label.
            guard let monitor = candidates.first(where: { $0.tags.contains(teamTag) }) ?? candidates.first else {
                findings.append(DriftFinding(
                    kind: .missing, key: entry.key, id: nil, name: conventions.name(of: entry), detail: "no monitor carries monitor:\(entry.key)"))
                continue
            }
            matched.insert(monitor.id)
            let differences = Self.differences(entry, monitor, conventions)
            if !differences.isEmpty {
                findings.append(DriftFinding(kind: .changed, key: entry.key, id: monitor.id, name: monitor.name, differences: differences))
            }
            if !conventions.notifiesWebhook(monitor.message) {
                findings.append(DriftFinding(
                    kind: .notNotifying, key: entry.key, id: monitor.id, name: monitor.name,
                    detail: "the message has no \(conventions.webhookHandle)"))
            }
        }
        let keys = Set(catalogue.entries.map(\.key))
        for monitor in live where monitor.tags.contains(teamTag) && !matched.contains(monitor.id) {
            let detail: String
            switch monitor.label {
            case nil: detail = "no monitor: tag"
            case let label? where keys.contains(label): detail = "a second monitor with monitor:\(label)"
            case let label?: detail = "monitor:\(label) is not in the catalogue"
            }
            findings.append(DriftFinding(kind: .unmanaged, key: monitor.label, id: monitor.id, name: monitor.name, detail: detail))
        }
        self.findings = findings.enumerated().sorted { $0.element.kind != $1.element.kind ? $0.element.kind < $1.element.kind : $0.offset < $1.offset }
            .map(\.element)
    }

    public var hasDrift: Bool { !findings.isEmpty }

    public func count(_ kind: DriftFinding.Kind) -> Int { findings.filter { $0.kind == kind }.count }

    static func differences(_ entry: MonitorCatalogue.Entry, _ monitor: Monitor, _ conventions: MonitorConventions) -> [DriftFinding.Difference] {
        var differences: [DriftFinding.Difference] = []
        func compare(_ field: String, _ catalogue: String, _ datadog: String) {
            if catalogue != datadog { differences.append(.init(field: field, catalogue: catalogue, datadog: datadog)) }
        }
        compare("name", conventions.name(of: entry), monitor.name)
        // Datadog answers `query alert` for a monitor created as `metric alert`; the provider suppresses that diff too.
        let aliases: Set<String> = ["metric alert", "query alert"]
        if entry.type != monitor.type && !(aliases.contains(entry.type) && aliases.contains(monitor.type)) {
            compare("type", entry.type, monitor.type)
        }
        compare("query", entry.query, monitor.query)
        compare("priority", "\(entry.priority)", monitor.priority.map { "\($0)" } ?? "(none)")
        let options = monitor.options.objectValue
        let thresholds = options["thresholds"]?.objectValue ?? [:]
        for name in MonitorCatalogue.thresholdNames {
            let wanted = entry.thresholds[name]
            let held = thresholds[name]?.numeric
            if wanted != held { compare("thresholds.\(name)", wanted.map(Self.number) ?? "(none)", held.map(Self.number) ?? "(none)") }
        }
        for (name, moduleDefault) in MonitorCatalogue.optionDefaults {
            let explicit = entry.options[name]
            guard let wanted = explicit ?? moduleDefault else { continue }
            guard let held = options[name] else {
                // An option Datadog leaves out has its default, which the module's own defaults are.
                if explicit != nil { compare("options.\(name)", Self.display(wanted), "(not set)") }
                continue
            }
            if !wanted.sameSetting(as: held) { compare("options.\(name)", Self.display(wanted), Self.display(held)) }
        }
        let wantedTags = conventions.tags(of: entry)
        let absent = wantedTags.filter { !monitor.tags.contains($0) }
        let extra = monitor.tags.filter { !wantedTags.contains($0) }
        if !absent.isEmpty { compare("tags", absent.joined(separator: ", "), "(absent)") }
        if !extra.isEmpty { compare("tags", "(absent)", extra.joined(separator: ", ")) }
        return differences
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func display(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .integer(let number): return String(number)
        case .number(let number): return Self.number(number)
        case .string(let text): return "\"\(text)\""
        case .array, .object: return value.compactText
        }
    }
}

extension JSONValue {
    var objectValue: [String: JSONValue] {
        if case .object(let members) = self { return members }
        return [:]
    }
}
