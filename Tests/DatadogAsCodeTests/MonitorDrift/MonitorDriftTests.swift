import DatadogAsCode
import OpsCore
import Testing

/// Drift between the repository's catalogue and an organisation made from it, one difference at a time.
@Suite struct MonitorDriftTests {
    let catalogue: MonitorCatalogue
    let conventions = MonitorConventions()

    init() throws {
        catalogue = try MonitorCatalogue(json: try Fixtures.repository("terraform/datadog/monitors.json"))
    }

    /// The monitor Terraform would create from an entry, as Datadog answers it (with the options it adds).
    func applied(_ entry: MonitorCatalogue.Entry, id: Int64) -> Monitor {
        var options: [String: JSONValue] = ["notify_audit": .bool(false), "include_tags": .bool(true), "require_full_window": .bool(false),
            "notify_no_data": .bool(false), "new_host_delay": .integer(300), "silenced": .object([:])]
        for (name, value) in entry.options { options[name] = value }
        options["thresholds"] = .object(entry.thresholds.mapValues { .number($0) })
        return Monitor(
            id: id, name: conventions.name(of: entry), type: entry.type, query: entry.query, tags: conventions.tags(of: entry),
            priority: entry.priority, overallState: .ok, message: conventions.message(of: entry) + " @slack-ops", options: .object(options))
    }

    var organisation: [Monitor] {
        catalogue.entries.enumerated().map { applied($1, id: Int64(100_000 + $0)) }
    }

    @Test func theCatalogueIsTheRepositorys() {
        #expect(catalogue.entries.count == 79)
        #expect(Set(catalogue.entries.map(\.key)).count == 79)
    }

    @Test func anOrganisationAsTheCatalogueMakesItHasNoDrift() {
        let other = Monitor(id: 1, name: "[P1] Process java down", tags: ["team:service-red-team"], overallState: .ok)
        let drift = MonitorDrift(catalogue: catalogue, monitors: organisation + [other], conventions: conventions)
        #expect(drift.findings == [])
        #expect(!drift.hasDrift)
        #expect(drift.teamMonitors == 79)
    }

    /// The acceptance case: one missing, two unmanaged, a threshold and a priority changed, one without the webhook.
    @Test func exactlyTheSixDifferencesAreFound() throws {
        var monitors = organisation
        let missing = monitors.remove(at: 3)
        monitors[10].options = Self.withThreshold(monitors[10].options, "critical", .number(99))
        monitors[20].priority = 4
        monitors[30].message = "Guidance only, no handles."
        monitors.append(Monitor(id: 900, name: "Made in the UI", tags: ["team:argos"], overallState: .ok))
        monitors.append(Monitor(id: 901, name: "Also made in the UI", tags: ["team:argos", "monitor:UI-ONLY-01"], overallState: .ok))
        let drift = MonitorDrift(catalogue: catalogue, monitors: monitors, conventions: conventions)
        #expect(drift.findings.map(\.kind) == [.missing, .unmanaged, .unmanaged, .changed, .changed, .notNotifying])
        #expect(drift.findings[0].key == catalogue.entries[3].key && drift.findings[0].id == nil && missing.id == 100_003)
        #expect(drift.findings[1].id == 900 && drift.findings[1].detail == "no monitor: tag")
        #expect(drift.findings[2].detail == "monitor:UI-ONLY-01 is not in the catalogue")
        let threshold = drift.findings[3]
        #expect(threshold.id == monitors[10].id)
        #expect(threshold.differences == [
            .init(field: "thresholds.critical", catalogue: MonitorDriftTests.number(catalogue.entries[11].thresholds["critical"]!), datadog: "99"),
        ])
        #expect(drift.findings[4].differences.map(\.field) == ["priority"])
        #expect(drift.findings[5].id == monitors[30].id && drift.findings[5].detail == "the message has no @webhook-opsdaily-collection")
        #expect(drift.count(.unmanaged) == 2)
    }

    @Test func eachManagedFieldIsCompared() throws {
        let entry = MonitorCatalogue.Entry(
            key: "K-01", priority: 2, tower: "DB", title: "  Title  ", type: "metric alert", query: "avg(last_5m):avg:a{*} > 1",
            message: "m", thresholds: ["critical": 1, "warning": 0.5], tags: ["service:x"],
            options: ["renotify_interval": .integer(60), "escalation_message": .string("up")])
        let small = MonitorCatalogue(entries: [entry])
        var live = applied(entry, id: 1)
        #expect(live.name == "[P2][DB] Title")
        live.type = "query alert"
        #expect(MonitorDrift(catalogue: small, monitors: [live], conventions: conventions).findings == [], "metric alert is answered as query alert")
        live.query = "avg(last_5m):avg:a{*} > 2"
        live.name = "renamed"
        live.tags = ["monitor:K-01", "service:x", "owner:me"]
        guard case .object(var options) = live.options else { Issue.record("options"); return }
        options["renotify_interval"] = .integer(0)
        options["include_tags"] = .bool(false)
        options.removeValue(forKey: "escalation_message")
        options["thresholds"] = .object(["critical": .integer(1), "critical_recovery": .number(0.8)])
        live.options = .object(options)
        let finding = try #require(MonitorDrift(catalogue: small, monitors: [live], conventions: conventions).findings.first)
        #expect(finding.kind == .changed)
        #expect(finding.differences.map(\.field) == [
            "name", "query", "thresholds.warning", "thresholds.critical_recovery", "options.renotify_interval", "options.include_tags",
            "options.escalation_message", "tags", "tags",
        ])
        #expect(finding.differences.first { $0.field == "thresholds.warning" } == .init(field: "thresholds.warning", catalogue: "0.5", datadog: "(none)"))
        #expect(finding.differences.filter { $0.field == "tags" }.map(\.catalogue) == ["team:argos", "(absent)"])
        #expect(finding.differences.first { $0.field == "options.escalation_message" }?.datadog == "(not set)")
    }

    /// An option the catalogue leaves to the module's default is not drift when Datadog does not answer it.
    @Test func optionsLeftToTheirDefaultsAreNotDriftWhenAbsent() {
        let entry = MonitorCatalogue.Entry(key: "K-02", priority: 3, tower: "DB", title: "t", query: "q", thresholds: ["critical": 1])
        var live = applied(entry, id: 2)
        live.options = .object(["thresholds": .object(["critical": .number(1.0)])])
        #expect(MonitorDrift(catalogue: MonitorCatalogue(entries: [entry]), monitors: [live], conventions: conventions).findings == [])
    }

    @Test func aSecondMonitorWithTheSameLabelIsUnmanagedAndAnotherTeamsCopyIsNotPreferred() {
        let entry = catalogue.entries[0]
        var copy = applied(entry, id: 5)
        copy.tags = ["team:other", "monitor:\(entry.key)"]
        let ours = applied(entry, id: 7)
        let duplicate = applied(entry, id: 9)
        let drift = MonitorDrift(catalogue: MonitorCatalogue(entries: [entry]), monitors: [copy, ours, duplicate], conventions: conventions)
        #expect(drift.findings.map(\.kind) == [.unmanaged])
        #expect(drift.findings.first?.id == 9 && drift.findings.first?.detail == "a second monitor with monitor:\(entry.key)")
    }

    @Test(arguments: [
        ("Notify: @webhook-opsdaily-collection", true), ("@webhook-opsdaily-collection\n", true), ("(@webhook-opsdaily-collection)", true),
        ("@webhook-opsdaily-collection-old", false), ("@webhook-opsdaily-collectio", false), ("x@webhook-opsdaily-collection", false),
        ("", false), ("@slack-ops", false),
    ])
    func theWebhookHandleCountsOnlyWhole(message: String, notifies: Bool) {
        #expect(conventions.notifiesWebhook(message) == notifies)
    }

    static let twice = #"{"key": "A-1", "priority": 1, "tower": "DB", "title": "t", "type": "query alert", "query": "q", "message": ""}"#

    @Test(arguments: [
        (#"{"monitors": [{"key": "A-1", "priority": 9, "tower": "DB", "title": "t", "type": "query alert", "query": "q", "message": ""}]}"#,
         "monitors[0].priority: expected 1, 2, 3, 4 or 5"),
        (#"{"monitors": [{"key": "A-1", "priority": 1, "tower": "DB", "title": "t", "type": "query alert", "message": ""}]}"#,
         "monitors[0].query: expected a string"),
        (#"{"monitors": [\#(twice), \#(twice)]}"#, "monitors[1].key: A-1 is used twice (it becomes the monitor:<KEY> label)"),
        (#"{"monitors": []}"#, "monitors: the catalogue is empty"),
        (#"{"monitor": []}"#, "(catalogue): a catalogue is an object with a \"monitors\" array"),
        (#"{"monitors": [1]"#, "(catalogue): not JSON: expected ',' or '}' in an object at byte 16"),
    ])
    func aCatalogueTerraformWouldRefuseIsRefused(text: String, message: String) {
        #expect(throws: CatalogueError.self) { try MonitorCatalogue(json: Array(text.utf8)) }
        do {
            _ = try MonitorCatalogue(json: Array(text.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func theJSONCountsEveryKind() throws {
        var monitors = organisation
        monitors.removeFirst()
        let document = MonitorDrift(catalogue: catalogue, monitors: monitors, conventions: conventions).json(catalogue: "c.json", datadog: "https://dd")
        #expect(document["drift"] == .bool(true))
        #expect(document["counts"]?["missing"] == .integer("1") && document["counts"]?["not-notifying"] == .integer("0"))
        #expect(document["findings"]?.arrayValue?.first?["key"] == .string(catalogue.entries[0].key))
        #expect(document["webhook"] == .string("@webhook-opsdaily-collection"))
    }

    static func withThreshold(_ options: JSONValue, _ name: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = options, case .object(var thresholds)? = members["thresholds"] else { return options }
        thresholds[name] = value
        members["thresholds"] = .object(thresholds)
        return .object(members)
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int64(value)) : String(value)
    }
}
