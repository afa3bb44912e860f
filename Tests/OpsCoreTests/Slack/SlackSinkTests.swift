import AWSCore
import CivilTime
import Foundation
import HTTPCore
import OpsCore
import TestSupport
import Testing

/// The client and the check message over HTTP against `scripts/fakes/slack_sink.py`, which answers like Slack.
@Suite(.serialized) struct SlackSinkTests {
    struct Posted: Decodable {
        struct Reply: Decodable { var status: Int; var body: String? }
        var payload: [String: JSONValue]?
        var reply: Reply?
    }

    func withSink(_ body: (SlackWebhookClient, FakeServer, RecordingSleeper) async throws -> Void) async throws {
        let sink = try await FakeServer(script: "slack_sink.py", arguments: ["--path", "/services/T000/B000/XXXX"])
        let url = try SlackWebhookURL(sink.baseURL + "/services/T000/B000/XXXX")
        try await withRealTransport { transport in
            let waits = RecordingSleeper()
            let client = SlackWebhookClient(url: url, transport: transport, policy: RetryPolicy(timeout: .seconds(10), sleeper: waits))
            try await body(client, sink, waits)
        }
    }

    func posted(_ sink: FakeServer) async throws -> [Posted] {
        try JSONDecoder().decode([Posted].self, from: try await sink.get("/_sink/messages"))
    }

    static func bigMessage() -> SlackMessage {
        let started = Instant(epochSeconds: 1_795_564_800)
        let checks = (0..<200).map { index in
            MonitorCheck(
                monitorID: String(index), name: "<!channel> <script>alert(1)</script> \(index)", priority: 1,
                checkClass: .alert, label: "LABEL-\(index)", category: .other, stateModified: started)
        }
        let run = CheckRun(slotID: "2026-11-25T09:00", started: started, finished: started, checks: checks)
        return CheckMessage(systemName: "Argos", zone: .utc).build(
            run: run, checks: checks, report: ReportLink(url: "https://r.test/x?a=1&b=2", expires: started.adding(seconds: 43_200)))
    }

    @Test func twoHundredNonOKChecksAreAcceptedAsBlocks() async throws {
        try await withSink { client, sink, _ in
            #expect(try await client.post(Self.bigMessage()) == .delivered)
            let messages = try await posted(sink)
            #expect(messages.count == 1)
            #expect(messages.first?.reply?.status == 200)
            if case .array(let blocks) = messages.first?.payload?["blocks"] { #expect(blocks.count <= 50) } else { Issue.record("no blocks") }
        }
    }

    @Test func theDigestOfTwentyThousandAlertsIsAcceptedAsBlocks() async throws {
        let builder = try SummaryBuilder()
        let digest = DigestMessage(systemName: "Argos", zone: builder.zone).build(
            builder.summary(DigestMessageTests.storm(builder), checkRun: builder.checkRun(.failed)),
            alertReport: ReportLink(url: "https://r.test/a?x=1&y=2", expires: builder.slot.instant.adding(seconds: 43_200)), checkReport: nil)
        try await withSink { client, sink, _ in
            let outcome = try await client.post(digest)
            #expect(outcome == .delivered)
            #expect(try await posted(sink).first?.reply?.status == 200)
        }
    }

    @Test func rateLimitServerErrorAndRefusedBlocksEndInATextOnlyPost() async throws {
        try await withSink { client, sink, waits in
            try await sink.control(
                "/_sink/responses",
                json: #"[{"status": 429, "retry_after": 2}, {"status": 500}, {"status": 400, "body": "invalid_blocks"}]"#)
            #expect(try await client.post(Self.bigMessage()) == .deliveredAsTextOnly(blocksRefusal: "invalid_blocks"))
            #expect(waits.delays.first == .seconds(2))
            let messages = try await posted(sink)
            #expect(messages.map { $0.reply?.status } == [429, 500, 400, 200])
            #expect(messages.last?.payload?["blocks"] == nil)
            guard case .string(let text) = messages.last?.payload?["text"] else { Issue.record("no text"); return }
            #expect(text.contains("Argos daily check 2026-11-25T09:00"))
            #expect(!text.contains("<!channel>"))
        }
    }

    @Test func anArchivedChannelIsAnErrorWithoutRetry() async throws {
        try await withSink { client, sink, _ in
            try await sink.control("/_sink/responses", json: #"[{"status": 410}]"#)
            await #expect(throws: SlackError.rejected(status: 410, reason: "channel_is_archived")) {
                try await client.post(SlackMessage(text: "hello"))
            }
            #expect(try await posted(sink).count == 1)
        }
    }
}
