import AWSCore
import CivilTime
import Foundation
import OpsCore
import TestSupport
import Testing

/// The building blocks of daily-check in sequence, as the function will chain them: the fake Datadog's
/// scenario checked, the message posted to the Slack sink, the report rendered and parsed back.
@Suite struct CheckEndToEndTests {
    @Test func theScenarioBecomesOneMessageAndOneReport() async throws {
        let datadog = try await FakeServer.datadog()
        let slack = try await FakeServer(script: "slack_sink.py", arguments: ["--path", "/services/T000/B000/XXXX"])
        let zone = try #require(ZoneRules.builtIn("Asia/Seoul"))
        let endpoint = try DatadogEndpoint(baseURL: datadog.baseURL)
        let webhook = try SlackWebhookURL(slack.baseURL + "/services/T000/B000/XXXX")
        let now = { @Sendable in Instant(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000)) }

        try await withRealTransport { transport in
            let started = now()
            let client = DatadogClient(endpoint: endpoint, keys: DatadogKeys(apiKey: "k", applicationKey: "a"), transport: transport)
            let checks = try await MonitorChecker(client: client, selection: MonitorSelection(tags: ["team:argos"]), clock: now).run()
            let run = CheckRun(slotID: "2026-11-25T09:00", started: started, finished: now(), checks: checks)
            #expect(run.counts == [.ok: 36, .alert: 2, .warn: 1, .noData: 3, .muted: 1, .error: 1])
            #expect(run.countsByPriority[1]?.values.reduce(0, +) == 9)
            #expect(run.countsByPriority[2]?.values.reduce(0, +) == 35)

            let link = ReportLink(url: "https://bucket.s3.test/reports/2026/11/25/0900.html?X-Amz-Signature=s", expires: started.adding(seconds: 43_200))
            let message = CheckMessage(systemName: "Argos", zone: zone).build(run: run, checks: checks, report: link)
            #expect(try await SlackWebhookClient(url: webhook, transport: transport).post(message) == .delivered)

            let html = CheckReport(systemName: "Argos", zone: zone, datadog: endpoint).render(run: run, checks: checks)
            let parsed = try PythonScript.run("Tests/OpsCoreTests/Fixtures/reports/inspect_html.py", input: Data(html.utf8))
            let page = try #require(try JSONSerialization.jsonObject(with: parsed) as? [String: Any])
            #expect((page["errors"] as? [String])?.isEmpty == true)
            let rows = try #require(page["rows"] as? [[String: Any]])
            #expect(rows.count == 44)
            #expect(rows.prefix(8).allSatisfy { $0["class"] as? String == "notok" })
        }

        let delivered = String(decoding: try await slack.get("/_sink/text"), as: UTF8.self)
        #expect(delivered.contains("8 of 44 checks need attention"))
        #expect(delivered.contains("Service-EKS-FullGC-01"))
        #expect(delivered.contains("monitor deleted since it was listed"))
    }
}
