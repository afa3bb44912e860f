import AWSCore
import Foundation
import OpsCore
import Testing
import TestSupport
import FunctionTestSupport

/// SPEC §5 end to end: the real bootstrap, the emulator, moto, Secrets Manager for the token.
@Suite(.serialized) struct CollectionIntegrationTests {
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: RepositoryPaths.root.appendingPathComponent("Tests/CollectionTests/Fixtures/\(name).json"), encoding: .utf8)
    }

    static let fixtures = [
        "triggered", "recovered", "warn", "no-data", "renotify", "multi-alert-scope", "empty-priority",
        "nineteen-digit-id", "test-notification", "script-title", "sql-title", "korean", "long-message", "placeholders",
    ]

    @Test func everyFixtureIsStoredWithItsFieldsTyped() async throws {
        let stack = try await CollectionStack.start()
        defer { Task { try await stack.shutdown() } }
        for name in Self.fixtures {
            let (status, reply) = try await stack.post(try Self.fixture(name))
            #expect(status == 200, "\(name): \(reply)")
            #expect(reply["status"] as? String == "stored", "\(name): \(reply)")
        }
        let triggered = try #require(try await stack.alert(eventID: "7147706474715013118"))
        #expect(triggered.priority == 2)
        #expect(triggered.transition == "triggered")
        #expect(triggered.eventTime == 1_795_480_200_000)
        #expect(triggered.tags == ["monitor", "team:argos", "monitor:DB-MySQL-CPU-TooHigh-01", "env:prd"])
        #expect(triggered.day == "2026-11-24", "00:30 UTC is 09:30 in Seoul, the same day")
        #expect(triggered.expiresAt == 1_795_480_200 + 400 * 86_400)
        #expect(triggered.rawBody == (try Self.fixture("triggered")))
        #expect(try await stack.alert(eventID: "9223372036854775807") != nil)
        #expect(try await stack.alert(eventID: "7147706474715013124")?.priority == nil)
        #expect(try await stack.alert(eventID: "7147706474715013125")?.isTest == true)
        let script = try #require(try await stack.alert(eventID: "7147706474715013126"))
        #expect(script.title == "<script>alert(1)</script> <!channel> <img src=x onerror=alert(2)>")
        #expect(try await stack.alert(eventID: "7147706474715013128")?.title?.contains("디스크") == true)
        let long = try #require(try await stack.alert(eventID: "7147706474715013129"))
        #expect((long.rawBody?.utf8.count ?? 0) > 160_000)
        let day = try await stack.alerts(on: "2026-11-24")
        #expect(day.map(\.eventTime) == day.map(\.eventTime).sorted(), "the by_day index returns time order")
        #expect(day.count == Self.fixtures.count - 1, "all but the placeholder payload (dated on receipt) fall on that day")
    }

    @Test func theSameEventDeliveredFiveTimesIsOneItem() async throws {
        let stack = try await CollectionStack.start()
        defer { Task { try await stack.shutdown() } }
        var statuses: [String] = []
        for _ in 0..<5 {
            let (status, reply) = try await stack.post(try Self.fixture("triggered"))
            #expect(status == 200)
            statuses.append(reply["status"] as? String ?? "?")
        }
        #expect(statuses == ["stored", "duplicate", "duplicate", "duplicate", "duplicate"])
        #expect(try await stack.alerts(on: "2026-11-24").count == 1)
    }

    @Test func aThousandDistinctEventsAreAThousandItems() async throws {
        let stack = try await CollectionStack.start()
        defer { Task { try await stack.shutdown() } }
        let start: Int64 = 1_795_446_000_000  // 2026-11-24T00:00 KST (15:00 UTC the day before)
        for index in 0..<1_000 {
            let body = #"{"id":"\#(8_000_000_000_000_000_000 + index)","date":"\#(start + Int64(index) * 60_000)","transition":"Triggered","priority":"P3"}"#
            let (status, _) = try await stack.post(body)
            #expect(status == 200)
        }
        let stored = try await stack.alerts(on: "2026-11-24")
        #expect(stored.count == 1_000)
        #expect(Set(stored.map(\.eventID)).count == 1_000)
        // A window is a key range on the day's index partition: minutes 100…199 hold events 100…199.
        let range = AlertKeys.range(from: start + 100 * 60_000, to: start + 200 * 60_000)
        let window = try await stack.dynamoDB.query(Alert.self, DynamoDBQuery(
            tableName: stack.table, indexName: AlertKeys.dayIndex,
            keyConditionExpression: "#day = :day AND #at BETWEEN :lower AND :upper",
            expressionAttributeNames: ["#day": "day", "#at": "at"],
            expressionAttributeValues: [":day": .s("2026-11-24"), ":lower": .s(range.lower), ":upper": .s(range.upper)]
        ))
        #expect(window.map(\.eventID) == (100..<200).map { String(8_000_000_000_000_000_000 + $0) })
    }

    @Test func authMethodAndBodyErrorsAreAnsweredAndStoreNothing() async throws {
        let stack = try await CollectionStack.start()
        defer { Task { try await stack.shutdown() } }
        let body = try Self.fixture("triggered")
        #expect(try await stack.post(body, token: nil).status == 401)
        #expect(try await stack.post(body, token: "wrong").status == 401)
        #expect(try await stack.post(body, method: "GET").status == 405)
        #expect(try await stack.post("<xml>not json</xml>").status == 400)
        #expect(try await stack.post(#"{"id":"big","text_only_msg":""# + String(repeating: "x", count: 300_000) + #""}"#).status == 413)
        #expect(try await stack.alerts(on: "2026-11-24").isEmpty)
        let invalidEvent = try await stack.emulator.invoke(.init(string: #"{"not":"a function url event"}"#))
        guard case .response(let bytes) = invalidEvent else {
            Issue.record("a malformed event must be answered, not fail the invocation")
            return
        }
        #expect(String(buffer: bytes).contains(#""statusCode":400"#))
        #expect(stack.functionOutput.contains("\"requestId\""), "JSON logs carry the request id")
        #expect(!stack.functionOutput.contains(CollectionStack.token), "the token is never logged")
    }

    @Test func whenStorageIsDownTheAnswerIs503BeforeDatadogGivesUp() async throws {
        let stack = try await CollectionStack.start()
        defer { Task { try await stack.shutdown() } }
        #expect(try await stack.post(try Self.fixture("triggered")).status == 200)
        // The token is cached from the first call; now DynamoDB goes away mid-run.
        stack.moto.stop()
        let started = ContinuousClock.now
        let (status, reply) = try await stack.post(try Self.fixture("recovered"))
        #expect(status == 503, "\(reply)")
        #expect(ContinuousClock.now - started < .seconds(15), "answered before Datadog's 15 s timeout")
        #expect(stack.functionOutput.contains("storage failed"))
        print("storage down: answered 503 after \(ContinuousClock.now - started)")
    }
}
