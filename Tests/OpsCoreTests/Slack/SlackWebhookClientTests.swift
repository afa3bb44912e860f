import AWSCore
import Foundation
import HTTPCore
import OpsCore
import TestSupport
import Testing

/// Every answer SPEC §9 names, scripted, without waiting.
@Suite struct SlackWebhookClientTests {
    let secretURL = "https://hooks.slack.test/services/T000/B000/SECRETTOKEN"
    let message = SlackMessage(text: "fallback", blocks: [.section(text: "hello")])

    func client(_ http: ScriptedTransport, waits: RecordingSleeper = RecordingSleeper()) throws -> SlackWebhookClient {
        SlackWebhookClient(url: try SlackWebhookURL(secretURL), transport: http, policy: RetryPolicy(timeout: .seconds(5), sleeper: waits, random: { 0.5 }))
    }

    func payload(_ request: HTTPRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }

    @Test func okIsDelivered() async throws {
        let http = ScriptedTransport(repeatingLast: [.status(200, body: "ok")])
        #expect(try await client(http).post(message) == .delivered)
        let request = try #require(http.requests.first)
        #expect(request.method == .POST)
        #expect(request.url == secretURL)
        #expect(request.timeout == .seconds(5))
        #expect(try payload(request)["text"] as? String == "fallback")
        #expect(try payload(request)["blocks"] != nil)
        // No previews: the unfurler would fetch the pre-signed report links (bearer tokens) into the channel.
        #expect(try payload(request)["unfurl_links"] as? Bool == false)
        #expect(try payload(request)["unfurl_media"] as? Bool == false)
    }

    /// Slack's `Retry-After` is honoured only while the invocation has time for it and the attempt after.
    @Test func aRateLimitWaitPastTheDeadlineIsNotWaited() async throws {
        let http = ScriptedTransport(repeatingLast: [.status(429, body: "rate_limited", headers: [("Retry-After", "60")])])
        let waits = RecordingSleeper()
        let client = try client(http, waits: waits)
        await #expect(throws: SlackError.rejected(status: 429, reason: "rate_limited")) {
            try await RetryDeadline.bounding(by: waits.now + .seconds(30)) { try await client.post(message) }
        }
        #expect(http.requests.count == 1)
        #expect(waits.delays.isEmpty)
        #expect(http.requests[0].timeout <= .seconds(30), "an attempt is given at most the time left")
    }

    @Test func rateLimitedWaitsRetryAfterCapped() async throws {
        let waits = RecordingSleeper()
        let http = ScriptedTransport(repeatingLast: [
            .status(429, body: "rate_limited", headers: [("Retry-After", "3")]),
            .status(429, body: "rate_limited", headers: [("Retry-After", "900")]),
            .status(200, body: "ok"),
        ])
        #expect(try await client(http, waits: waits).post(message) == .delivered)
        #expect(waits.delays == [.seconds(3), .seconds(60)])
    }

    @Test func serverErrorsBackOff() async throws {
        let waits = RecordingSleeper()
        let http = ScriptedTransport(repeatingLast: [.status(500, body: "rollup_error"), .status(503), .status(200, body: "ok")])
        #expect(try await client(http, waits: waits).post(message) == .delivered)
        #expect(waits.delays == [.milliseconds(375), .milliseconds(750)])
    }

    @Test(arguments: ["invalid_blocks", "msg_blocks_too_long"])
    func refusedBlocksFallBackToTheText(reason: String) async throws {
        let http = ScriptedTransport(repeatingLast: [.status(400, body: reason), .status(200, body: "ok")])
        #expect(try await client(http).post(message) == .deliveredAsTextOnly(blocksRefusal: reason))
        #expect(http.requests.count == 2)
        let second = try payload(http.requests[1])
        #expect(second["blocks"] == nil)
        #expect(second["text"] as? String == "fallback")
    }

    @Test(arguments: [(400, "invalid_payload"), (403, "invalid_token"), (404, "no_service"), (410, "channel_is_archived")])
    func otherRefusalsAreFinal(status: Int, reason: String) async throws {
        let http = ScriptedTransport(repeatingLast: [.status(status, body: reason)])
        await #expect(throws: SlackError.rejected(status: status, reason: reason)) { try await client(http).post(message) }
        #expect(http.requests.count == 1)
    }

    @Test func serverErrorsThatNeverEndAreRejected() async throws {
        let http = ScriptedTransport(repeatingLast: [.status(500, body: "rollup_error")])
        await #expect(throws: SlackError.rejected(status: 500, reason: "rollup_error")) { try await client(http).post(message) }
        #expect(http.requests.count == 4)
    }

    @Test func theWebhookURLNeverAppearsInErrors() async throws {
        let http = ScriptedTransport(repeatingLast: [.failure(.timedOut(url: secretURL, detail: "deadline for \(secretURL)"))])
        do {
            _ = try await client(http).post(message)
            Issue.record("no error")
        } catch {
            #expect(error as? SlackError == .unreachable(reason: "timed out"))
            #expect(!"\(error)".contains("SECRETTOKEN"))
            #expect(!String(reflecting: error).contains("SECRETTOKEN"))
        }
        #expect(!"\(try SlackWebhookURL(secretURL))".contains("SECRETTOKEN"))
        #expect(!String(reflecting: try SlackWebhookURL(secretURL)).contains("SECRETTOKEN"))
        #expect(!"\(try client(http))".contains("SECRETTOKEN"))
    }

    @Test func aURLThatIsNotOneIsRefusedWithoutEchoingIt() {
        do {
            _ = try SlackWebhookURL("hooks.slack.com/services/SECRETTOKEN")
            Issue.record("accepted")
        } catch {
            #expect(!error.description.contains("SECRETTOKEN"))
        }
    }
}
