import CivilTime
import DatadogAsCode
import HTTPCore
import OpsCore
import TestSupport
import Testing

/// The export reads what the functions' Datadog client lists: every page, through rate limits, and nothing
/// half-read when an answer is not JSON.
@Suite struct MonitorListingTests {
    static func page(_ ids: ClosedRange<Int>, name: (Int) -> String = { "m\($0)" }) -> ScriptedTransport.Answer {
        let objects = ids.map { id in
            #"{"id": \#(id), "name": "\#(name(id))", "priority": \#(id % 5 + 1), "tags": ["team:t\#(id % 3)"], "created": "2025-01-01T00:00:00+00:00"}"#
        }
        return .status(200, body: "[" + objects.joined(separator: ",") + "]")
    }

    static func client(_ http: ScriptedTransport, waits: RecordingSleeper) throws -> DatadogClient {
        DatadogClient(
            endpoint: try DatadogEndpoint(baseURL: "https://dd.test"), keys: DatadogKeys(apiKey: "k", applicationKey: "a"), transport: http,
            policy: RetryPolicy(sleeper: waits, random: { 0.5 }), pageSize: 100)
    }

    @Test func everyPageThroughRateLimits() async throws {
        let waits = RecordingSleeper()
        let http = ScriptedTransport(repeatingLast: [
            Self.page(1...100), .status(429, body: #"{"errors": ["Rate limit"]}"#, headers: [("X-RateLimit-Reset", "3")]),
            .status(429, headers: [("X-RateLimit-Reset", "2")]), Self.page(101...200), Self.page(201...276),
        ])
        let monitors = try await Self.client(http, waits: waits).listMonitors(tags: [])
        let export = MonitorExport(monitors: monitors, generated: Instant(epochSeconds: 0), zone: .utc)
        #expect(export.rows.count == 276)
        #expect(export.teams.map(\.monitors).reduce(0, +) == 276)
        #expect(export.teams.first { $0.team == "t0" }?.monitors == (1...276).filter { $0 % 3 == 0 }.count)
        #expect(waits.delays == [.seconds(3), .seconds(2)])
    }

    @Test(arguments: ["[{\"id\": 1,", "<html>502</html>", "{\"monitors\": []}", "[{\"name\": \"no id\"}]"])
    func anUnreadablePageFailsTheListing(body: String) async throws {
        let http = ScriptedTransport(repeatingLast: [.status(200, body: body)])
        await #expect {
            try await Self.client(http, waits: RecordingSleeper()).listMonitors(tags: [])
        } throws: { error in
            guard case .malformedResponse(let path, _) = error as? DatadogError else { return false }
            return path == "/api/v1/monitor"
        }
    }

    @Test func aHostileNameStaysWhole() async throws {
        let sql = "INSERT INTO t VALUES " + String(repeating: "(1, 'x'), ", count: 200)
        let http = ScriptedTransport(repeatingLast: [Self.page(1...1, name: { _ in sql })])
        let export = MonitorExport(
            monitors: try await Self.client(http, waits: RecordingSleeper()).listMonitors(tags: []), generated: Instant(epochSeconds: 0), zone: .utc)
        #expect(export.rows.first?.name == sql)
        #expect(sql.utf8.count > 2_000)
    }
}
