import CivilTime
import Foundation
import OpsCore
import TestSupport
import Testing

/// Datadog's monitor objects vary by endpoint, age and options; one odd field must not lose a monitor.
@Suite struct MonitorDecodingTests {
    let monitors: [Monitor]

    init() throws {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/OpsCoreTests/Fixtures/datadog/monitor-variants.json")
        monitors = try JSONDecoder().decode([Monitor].self, from: Data(contentsOf: url))
    }

    @Test func aFullMonitorIsTyped() throws {
        let monitor = monitors[0]
        #expect(monitor.id == 1)
        #expect(monitor.priority == 1)
        #expect(monitor.multi)
        #expect(monitor.label == "DB-CPU-01")
        #expect(monitor.overallState == .alert)
        #expect(monitor.overallStateModified == (try Instant(iso8601: "2026-11-24T21:14:00.123Z")))
        #expect(monitor.silenced["host:a"] == Instant(epochSeconds: 1_795_611_751))
        #expect(monitor.silenced.keys.contains("*"))
        #expect(monitor.silenced["*"] == .some(nil))
        #expect(monitor.matchingDowntimes == [MonitorDowntime(scopes: ["host:a"], start: Instant(epochSeconds: 1_795_597_351), end: nil, active: true)])
        let group = try #require(monitor.groups["host:a"])
        #expect(group.status == .alert)
        #expect(group.lastTriggered == Instant(epochSeconds: 1_795_593_151))
        #expect(group.lastNoData == nil)
        #expect(group.lastResolved == nil)
    }

    @Test func timesComeAsTextWithoutOffsetOrAsEpochNumbers() throws {
        #expect(monitors[1].overallStateModified == (try Instant(iso8601: "2026-11-24T21:14:00Z")))
        #expect(monitors[2].overallStateModified == Instant(epochSeconds: 1_795_593_151))
        #expect(monitors[3].overallStateModified == Instant(epochSeconds: 1_795_593_151))
    }

    @Test func missingPartsHaveDefaults() {
        #expect(monitors[1].priority == nil)
        #expect(monitors[1].overallState == .unknown)
        #expect(monitors[3].groups.isEmpty)
        #expect(monitors[4].name == "")
        #expect(monitors[4].tags == [])
        #expect(monitors[4].overallState == .other("Something New"))
        #expect(monitors[4].matchingDowntimes.first?.scopes == ["env:prod"])
        #expect(monitors[4].label == nil)
        #expect(monitors[4].overallStateModified == nil)
    }

    @Test func theRawMonitorIsKeptAsCompactUTF8() throws {
        let text = monitors[0].raw.compactText
        #expect(!text.contains("\n"))
        #expect(text.contains(#""한글":"유지""#))
        #expect(text.contains(#""last_triggered_ts":1795593151"#))
        #expect(text.contains(#""brand_new_field":"ignored""#))
        let reparsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(reparsed?["id"] as? Int == 1)
    }

    /// What the operators' export and drift read besides the state.
    @Test func whatWasWrittenIntoAMonitorAndByWhom() throws {
        let monitor = monitors[0]
        #expect(monitor.message == "CPU high.\n\nNotify: @webhook-opsdaily-collection")
        #expect(monitor.created == (try Instant(iso8601: "2026-07-01T02:03:04.567Z")))
        #expect(monitor.modified == (try Instant(iso8601: "2026-08-01T00:00:00Z")))
        #expect(monitor.creator == MonitorCreator(name: "Terraform", handle: "tf@ops.example", email: nil, id: 2_417_393))
        guard case .object(let options) = monitor.options else { Issue.record("options: \(monitor.options)"); return }
        #expect(options["a_future_option"] == .object(["x": .array([.integer(1), .integer(2)])]))
        #expect(monitors[1].message == "" && monitors[1].options == .null && monitors[1].creator == nil && monitors[1].created == nil)
    }

    @Test func oddExportFieldsLoseNothingElse() {
        let monitor = monitors[4]
        #expect(monitor.message == "")
        #expect(monitor.options == .string("not an object"))
        #expect(monitor.created == nil && monitor.modified == nil && monitor.creator == nil)
        #expect(monitor.matchingDowntimes.count == 1)
    }

    @Test func aMonitorWithoutIdIsRefused() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Monitor.self, from: Data(#"{"name": "x"}"#.utf8)) }
    }
}
