import AWSCore
import HTTPCore
import OpsCore
import TestSupport
import Testing

/// The client against scripted answers: paging, headers, and every retry path without waiting.
@Suite struct DatadogClientTests {
    let endpoint = try! DatadogEndpoint(baseURL: "https://dd.test")
    let keys = DatadogKeys(apiKey: "api-secret", applicationKey: "app-secret")

    func client(_ http: ScriptedTransport, waits: RecordingSleeper = RecordingSleeper(), pageSize: Int = 2) -> DatadogClient {
        DatadogClient(
            endpoint: endpoint, keys: keys, transport: http,
            policy: RetryPolicy(sleeper: waits, random: { 0.5 }), pageSize: pageSize)
    }

    static func page(_ ids: ClosedRange<Int>?) -> ScriptedTransport.Answer {
        let objects = (ids.map(Array.init) ?? []).map { #"{"id": \#($0), "name": "m\#($0)", "priority": 2, "overall_state": "OK"}"# }
        return .status(200, body: "[" + objects.joined(separator: ",") + "]")
    }

    /// A monitor created meanwhile shifts the pages: the monitor at a page's edge comes again on the next.
    @Test func aMonitorListedOnTwoPagesIsKeptOnce() async throws {
        let http = ScriptedTransport(repeatingLast: [Self.page(1...2), Self.page(2...3), Self.page(4...4)])
        #expect(try await client(http).listMonitors(tags: []).map(\.id) == [1, 2, 3, 4])
    }

    /// `X-RateLimit-Reset` is waited out only while the invocation has time for it and the attempt after;
    /// past the deadline nothing is asked at all.
    @Test func rateLimitWaitsStopAtTheDeadline() async throws {
        let waits = RecordingSleeper()
        let limited = ScriptedTransport(repeatingLast: [.status(429, body: "{}", headers: [("X-RateLimit-Reset", "60")])])
        await #expect(throws: DatadogError.api(status: 429, errors: [], path: "/api/v1/monitor/7")) {
            try await RetryDeadline.bounding(by: waits.now + .seconds(90)) { try await client(limited, waits: waits).monitor(id: 7) }
        }
        #expect(waits.delays == [.seconds(60)], "one wait fits in 90 s, a second would not")
        #expect(limited.requests.count == 2)
        let late = ScriptedTransport(repeatingLast: [Self.page(1...1)])
        await #expect(throws: DatadogError.outOfTime(path: "/api/v1/monitor/7")) {
            try await RetryDeadline.bounding(by: waits.now) { try await client(late, waits: waits).monitor(id: 7) }
        }
        #expect(late.requests.isEmpty)
    }

    @Test func listingFollowsPagesUntilAShortOne() async throws {
        let http = ScriptedTransport(repeatingLast: [Self.page(1...2), Self.page(3...4), Self.page(5...5)])
        let monitors = try await client(http).listMonitors(tags: ["team:argos", "env:prd"])
        #expect(monitors.map(\.id) == [1, 2, 3, 4, 5])
        #expect(http.requests.map(\.url) == [0, 2, 4].map {
            "https://dd.test/api/v1/monitor?monitor_tags=team%3Aargos%2Cenv%3Aprd&group_states=all&with_downtimes=true&id_offset=\($0)&page=0&page_size=2"
        })
        let request = try #require(http.requests.first)
        #expect(request.headers.first(name: "DD-API-KEY") == "api-secret")
        #expect(request.headers.first(name: "DD-APPLICATION-KEY") == "app-secret")
        #expect(request.timeout == .seconds(20))
        #expect(!request.description.contains("secret"))
    }

    @Test func aFullLastPageCostsOneEmptyPage() async throws {
        let http = ScriptedTransport(repeatingLast: [Self.page(1...2), Self.page(nil)])
        #expect(try await client(http).listMonitors(tags: []).count == 2)
        #expect(http.requests.count == 2)
        #expect(!http.requests[0].url.contains("monitor_tags"))
    }

    @Test func rateLimitsWaitForTheWindowCapped() async throws {
        let waits = RecordingSleeper()
        let http = ScriptedTransport(repeatingLast: [
            .status(429, body: #"{"errors": ["Too many requests"]}"#, headers: [("X-RateLimit-Reset", "7")]),
            .status(429, headers: [("X-RateLimit-Reset", "3600")]),
            .status(429),
            Self.page(1...1),
        ])
        #expect(try await client(http, waits: waits).listMonitors(tags: []).count == 1)
        #expect(waits.delays == [.seconds(7), .seconds(60), .seconds(1)])
    }

    @Test func serverErrorsAndLostConnectionsBackOffThenSucceed() async throws {
        let waits = RecordingSleeper()
        let http = ScriptedTransport(repeatingLast: [
            .status(503), .failure(.connectionFailed(url: "https://dd.test", detail: "reset")), .status(500), Self.page(1...1),
        ])
        #expect(try await client(http, waits: waits).listMonitors(tags: []).count == 1)
        #expect(waits.delays == [.milliseconds(375), .milliseconds(750), .milliseconds(1500)])
    }

    @Test func serverErrorsGiveUpAfterTheLastAttempt() async {
        let http = ScriptedTransport(repeatingLast: [.status(502, body: #"{"errors": ["Bad Gateway"]}"#)])
        await #expect(throws: DatadogError.api(status: 502, errors: ["Bad Gateway"], path: "/api/v1/monitor/7")) {
            try await client(http).monitor(id: 7)
        }
        #expect(http.requests.count == 4)
    }

    @Test func timeoutsGiveUpAsTransportErrors() async {
        let http = ScriptedTransport(repeatingLast: [.failure(.timedOut(url: "https://dd.test/api/v1/monitor/7", detail: "deadline"))])
        await #expect {
            try await client(http).monitor(id: 7)
        } throws: { error in
            guard case .transport(let path, _) = error as? DatadogError else { return false }
            return path == "/api/v1/monitor/7"
        }
        #expect(http.requests.count == 4)
    }

    @Test func clientErrorsAreTypedAndNotRetried() async {
        let http = ScriptedTransport(repeatingLast: [.status(404, body: #"{"errors": ["Monitor not found"]}"#)])
        do {
            _ = try await client(http).monitor(id: 7)
            Issue.record("no error")
        } catch {
            #expect(error.isNotFound)
            #expect(error == .api(status: 404, errors: ["Monitor not found"], path: "/api/v1/monitor/7"))
            #expect(error.description == "Datadog /api/v1/monitor/7 answered 404: Monitor not found")
        }
        #expect(http.requests.count == 1)
    }

    @Test func aForbiddenAnswerWithAnHTMLBodyHasNoMessages() async {
        let http = ScriptedTransport(repeatingLast: [.status(403, body: "<html>denied</html>")])
        await #expect(throws: DatadogError.api(status: 403, errors: [], path: "/api/v1/monitor/7")) {
            try await client(http).monitor(id: 7)
        }
    }

    @Test func anUnreadableSuccessIsMalformed() async {
        let http = ScriptedTransport(repeatingLast: [.status(200, body: #"{"not": "a list"}"#)])
        await #expect {
            try await client(http).listMonitors(tags: [])
        } throws: { error in
            guard case .malformedResponse = error as? DatadogError else { return false }
            return true
        }
    }

    /// A dashboard comes back as the bytes sent (`1.0` and key order intact), its id encoded into the path.
    @Test func aDashboardIsItsBytes() async throws {
        let body = #"{"widgets": [{"id": 1, "definition": {"type": "note", "content": "x", "font_size": 1.0}}], "title": "T"}"#
        let http = ScriptedTransport([.status(200, body: body)])
        #expect(try await client(http).dashboard(id: "abc-def-ghi") == Array(body.utf8))
        #expect(http.requests.map(\.url) == ["https://dd.test/api/v1/dashboard/abc-def-ghi"])
        let odd = ScriptedTransport([.status(404, body: #"{"errors": ["Dashboard with ID a/b not found"]}"#)])
        await #expect(throws: DatadogError.api(status: 404, errors: ["Dashboard with ID a/b not found"], path: "/api/v1/dashboard/a%2Fb")) {
            try await client(odd).dashboard(id: "a/b")
        }
    }
}
