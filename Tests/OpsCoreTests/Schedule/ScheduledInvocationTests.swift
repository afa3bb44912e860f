import CivilTime
import Foundation
import Testing
import TestSupport
@testable import OpsCore

@Suite struct ScheduledInvocationTests {
    static let slots = try! CheckSlots(parsing: "09:00,20:00", zone: ZoneRules.builtIn("Asia/Seoul")!)

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = RepositoryPaths.root.appendingPathComponent("Tests/OpsCoreTests/Fixtures/events/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    static func decode(_ text: String) throws(ScheduledInvocationError) -> ScheduledInvocation {
        try ScheduledInvocation(json: Array(text.utf8))
    }

    @Test func eventBridgeRuleEnvelope() throws {
        let invocation = try ScheduledInvocation(json: Self.fixture("eventbridge-rule.json"))
        #expect(invocation == .eventBridgeRule(scheduledAt: try Instant(iso8601: "2026-11-25T00:00:00Z")))
        #expect(try invocation.checkSlot(in: Self.slots).id == "2026-11-25T09:00")
    }

    @Test func schedulerInput() throws {
        let invocation = try ScheduledInvocation(json: Self.fixture("scheduler.json"))
        #expect(invocation.scheduledInstant == (try Instant(iso8601: "2026-11-25T11:00:00Z")))
        #expect(try invocation.checkSlot(in: Self.slots).id == "2026-11-25T20:00")
        // The notification's schedule, five minutes later, finds the same check slot.
        #expect(try Self.decode(#"{"scheduled_time": "2026-11-25T11:05:00Z"}"#).checkSlot(in: Self.slots).id == "2026-11-25T20:00")
    }

    @Test func manualSlot() throws {
        let invocation = try ScheduledInvocation(json: Self.fixture("manual.json"))
        #expect(invocation == .manual(slot: try LocalDateTime(parsing: "2026-11-25T09:00")))
        #expect(invocation.scheduledInstant == nil)
        let slot = try invocation.checkSlot(in: Self.slots)
        #expect(slot.id == "2026-11-25T09:00")
        #expect(slot.instant == (try Instant(iso8601: "2026-11-25T00:00:00Z")))
    }

    @Test func unknownExtraFieldsAreIgnored() throws {
        let text = #"{"scheduled_time": "2026-11-25T00:00:00Z", "note": {"deep": [1, 2, null]}, "extra": null}"#
        #expect(try Self.decode(text).checkSlot(in: Self.slots).id == "2026-11-25T09:00")
    }

    @Test func aManualSlotThatIsNotConfiguredIsRefused() {
        #expect(throws: ScheduledInvocationError.slotNotConfigured(slot: "2026-11-25T09:30", configured: "09:00, 20:00")) {
            try Self.decode(#"{"slot": "2026-11-25T09:30"}"#).checkSlot(in: Self.slots)
        }
    }

    @Test(arguments: [
        ("", "not JSON"),
        ("not json", "not JSON"),
        ("{", "not JSON"),
        ("null", "not a JSON object"),
        ("[]", "not a JSON object"),
        (#""2026-11-25T00:00:00Z""#, "not a JSON object"),
        ("42", "not a JSON object"),
        ("{}", "no fields"),
        (#"{"version": "0", "source": "aws.events"}"#, "not a schedule"),
        (#"{"scheduled_time": null}"#, "\"scheduled_time\" is null"),
        (#"{"scheduled_time": 1795564800}"#, "\"scheduled_time\" is not a string"),
        (#"{"scheduled_time": "yesterday"}"#, "\"scheduled_time\" is \"yesterday\""),
        (#"{"scheduled_time": "2026-11-25T00:00:00"}"#, "expected YYYY-MM-DDTHH:MM:SS"),
        (#"{"slot": "2026-11-25T09:00Z"}"#, "without an offset"),
        (#"{"slot": ["2026-11-25T09:00"]}"#, "\"slot\" is not a string"),
        (#"{"slot": "2026-02-30T09:00"}"#, "\"slot\" is"),
        (#"{"detail-type": "EC2 Instance State-change Notification", "time": "2026-11-25T00:00:00Z"}"#, "expected \"Scheduled Event\""),
        (#"{"detail-type": "Scheduled Event"}"#, "\"time\" is missing"),
        (#"{"detail-type": "Scheduled Event", "time": 0}"#, "\"time\" is not a string"),
        (#"{"detail-type": {"a": 1}, "time": "2026-11-25T00:00:00Z"}"#, "\"detail-type\" is not a string"),
        (#"{"slot": "2026-11-25T09:00", "scheduled_time": "2026-11-25T00:00:00Z"}"#, "mixes the fields"),
        (#"{"time": "2026-11-25T00:00:00Z"}"#, "not a schedule"),
    ])
    func malformedEventsAreATypedErrorListingTheAcceptedShapes(text: String, problem: String) {
        do {
            _ = try Self.decode(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(problem), "\(error.description)")
            #expect(error.description.contains(ScheduledInvocationError.acceptedShapes))
        }
    }

    @Test func hostileInputNeverCrashes() {
        let huge = "{\"scheduled_time\": \"" + String(repeating: "9", count: 60_000) + "\"}"
        #expect(throws: ScheduledInvocationError.self) { try Self.decode(huge) }
        let tooLarge = "{\"slot\": \"" + String(repeating: "x", count: 100_000) + "\"}"
        #expect(throws: ScheduledInvocationError.tooLarge(bytes: tooLarge.utf8.count)) { try Self.decode(tooLarge) }
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: ScheduledInvocationError.self) { try Self.decode(deep) }
        let nesting = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let deepField = "{\"x\": \(nesting), \"scheduled_time\": \"2026-11-25T00:00:00Z\"}"
        _ = try? Self.decode(deepField)
        #expect(throws: ScheduledInvocationError.self) { try ScheduledInvocation(json: [0xFF, 0xFE, 0x00, 0x7B]) }
        // Error text stays short whatever the input.
        do {
            _ = try Self.decode(huge)
        } catch {
            #expect(error.description.count < 600)
        }
    }

    @Test func bytesThatAreNotUTF8OrHaveAHugeKeyAreRefused() {
        let manyKeys = "{" + (0..<2000).map { "\"k\($0)\": \($0)" }.joined(separator: ",") + "}"
        do {
            _ = try Self.decode(manyKeys)
            Issue.record("accepted")
        } catch {
            #expect(error.description.count < 600)
        }
    }
}
