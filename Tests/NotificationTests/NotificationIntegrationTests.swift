import AWSCore
import Foundation
import FunctionTestSupport
import OpsCore
import Testing
import TestSupport

/// SPEC §7 end to end: alerts stored by the real `collection` bootstrap, the check run by the real
/// `daily-check`, then the real `notification` bootstrap, all under the emulator against moto and the Slack sink.
@Suite(.serialized) struct NotificationIntegrationTests {
    /// 09:05 in Seoul on 2026-11-25: the 09:00 slot, window [2026-11-24 20:00, 09:00) KST = [11:00Z, 00:00Z).
    static let morning = #"{"scheduled_time": "2026-11-25T00:05:00Z"}"#

    @Test func aQuietDayWithAFinishedCheckSaysSoAndPostsOnceUnderRetries() async throws {
        let stack = try await NotificationStack.start()
        defer { Task { try await stack.shutdown() } }
        try await stack.check(#"{"scheduled_time": "2026-11-25T00:00:00Z"}"#)
        let outcome = try await stack.notify(Self.morning)
        #expect(outcome["slot"] as? String == "2026-11-25T09:00")
        #expect(outcome["windowStart"] as? String == "2026-11-24T11:00:00Z")
        #expect(outcome["windowEnd"] as? String == "2026-11-25T00:00:00Z")
        #expect(outcome["alerts"] as? Int == 0 && outcome["dayAlerts"] as? Int == 0 && outcome["episodes"] as? Int == 0)
        #expect(outcome["checkRun"] as? String == "finished")
        #expect(outcome["checkNotOK"] as? Int == 8, "the fake's scenario: 2 Alert, 1 Warn, 3 No Data, 1 Muted, 1 Error")
        #expect(outcome["posted"] as? Bool == true)
        #expect(outcome["reportKey"] as? String == "reports/alerts/2026/11/25/0900.html")

        let retried = try await stack.notify(Self.morning)
        #expect(retried["posted"] as? Bool == false, "a retry of the same slot must not post again")
        let messages = try await stack.slackMessages()
        #expect(messages.count == 2, "daily-check's post and one digest")
        for message in messages { #expect((message["reply"] as? [String: Any])?["status"] as? Int == 200, "\(message)") }
        let digest = try #require(messages.last?["payload"] as? [String: Any])
        let text = try #require(digest["text"] as? String)
        #expect(!text.contains("No check run"), "a finished run is not reported missing")
        let links = String(decoding: try JSONSerialization.data(withJSONObject: digest, options: .withoutEscapingSlashes), as: UTF8.self)
        #expect(links.contains("alerts/2026/11/25/0900.html") && links.contains("check/2026/11/25/0900.html"),
                "the digest links both reports")
        let report = try await stack.report("reports/alerts/2026/11/25/0900.html")
        #expect(report.contains("Content-Security-Policy"))
    }

    /// ~170 notifications: a monitor flapping every 5 minutes for two hours, 60 trigger → recovery pairs,
    /// open troubles, warn and no-data, test notifications, redeliveries, a wrong token and a malformed body.
    @Test func aNormalDayIsCountedAsHandComputed() async throws {
        let stack = try await NotificationStack.start()
        defer { Task { try await stack.shutdown() } }
        var bodies: [WebhookBody] = []
        // Flapping: 24 notifications from 12:00Z, alternating, no cycle key (paired by monitor + scope): 12
        // episodes of 5 minutes, 24 transitions.
        for n in 0..<24 {
            bodies.append(WebhookBody(
                id: "f\(n)", monitorID: "900001", cycleKey: nil, transition: n % 2 == 0 ? "Triggered" : "Recovered", priority: 3,
                title: "[P3] Flapping disk on host:f", scope: "host:f", time: utc("2026-11-24T12:00") + Int64(n) * 300_000))
        }
        // Pairs: monitor i triggers at 11:05Z + 12i min and recovers (i % 10 + 1) minutes later, by cycle key.
        for i in 0..<60 {
            let start = utc("2026-11-24T11:05") + Int64(i) * 720_000
            let monitor = String(100_001 + i)
            bodies.append(WebhookBody(id: "p\(i)t", monitorID: monitor, cycleKey: "cyc-\(i)", transition: "Triggered",
                                      priority: i % 5 + 1, title: "[P\(i % 5 + 1)] <b>Pair</b> \(i)", scope: "host:p\(i)", time: start))
            bodies.append(WebhookBody(id: "p\(i)r", monitorID: monitor, cycleKey: "cyc-\(i)", transition: "Recovered",
                                      priority: i % 5 + 1, title: "[P\(i % 5 + 1)] <b>Pair</b> \(i)", scope: "host:p\(i)",
                                      time: start + Int64(i % 10 + 1) * 60_000))
        }
        // Open at the slot: 6 triggers, 10 warns, 6 no data.
        for i in 0..<6 {
            bodies.append(WebhookBody(id: "o\(i)", monitorID: String(200_001 + i), transition: "Triggered", priority: 1,
                                      title: "[P1] <!channel> Open \(i)", scope: "host:o\(i)", time: utc("2026-11-24T22:00") + Int64(i) * 60_000))
        }
        for i in 0..<10 {
            bodies.append(WebhookBody(id: "w\(i)", monitorID: String(300_001 + i), transition: "Warn", priority: 2,
                                      title: "[P2] Warn \(i)", scope: "host:w\(i)", time: utc("2026-11-24T16:00") + Int64(i) * 60_000))
        }
        for i in 0..<6 {
            bodies.append(WebhookBody(id: "n\(i)", monitorID: String(400_001 + i), transition: "No Data", priority: nil,
                                      title: "No data \(i)", scope: "host:n\(i)", time: utc("2026-11-24T17:00") + Int64(i) * 60_000))
        }
        // A trouble that began before the window and recovers in it: carried in from the day before, with its start.
        bodies.append(WebhookBody(id: "b0", monitorID: "500001", transition: "Triggered", priority: 2, title: "[P2] Before",
                                  scope: "host:b", time: utc("2026-11-24T10:30")))
        bodies.append(WebhookBody(id: "b1", monitorID: "500001", transition: "Recovered", priority: 2, title: "[P2] Before",
                                  scope: "host:b", time: utc("2026-11-24T11:30")))
        for i in 0..<3 {
            bodies.append(WebhookBody(id: "t\(i)", monitorID: "600001", transition: "Triggered", priority: 1, title: "[P1] Test",
                                      scope: "host:t", time: utc("2026-11-24T18:00") + Int64(i) * 60_000, test: true))
        }
        // The same window a day earlier: four alerts.
        for i in 0..<4 {
            bodies.append(WebhookBody(id: "y\(i)", monitorID: "700001", transition: "Triggered", priority: 4, title: "[P4] Yesterday",
                                      scope: "host:y\(i)", time: utc("2026-11-23T20:00") + Int64(i) * 60_000))
        }
        let redelivered = [bodies[0], bodies[30], bodies[100]]
        let statuses = try await stack.send(bodies + redelivered)
        #expect(statuses == ["200 stored": bodies.count, "200 duplicate": 3], "\(statuses)")
        let wrongToken = try await stack.collection.post(bodies[1].json, token: "not-the-token")
        #expect(wrongToken.status == 401)
        let malformed = try await stack.collection.post("<html>not json</html>")
        #expect(malformed.status == 400)

        let outcome = try await stack.notify(Self.morning)
        // 24 flapping + 120 pairs + 6 + 10 + 6 open + 1 recovery of an earlier trouble.
        #expect(outcome["alerts"] as? Int == 167, "\(outcome)")
        #expect(outcome["testNotifications"] as? Int == 3)
        // Local day from 15:00Z: pairs 20…59 (80), the recovery of pair 19 at 15:03Z, 6 open, 10 warn, 6 no data.
        #expect(outcome["dayAlerts"] as? Int == 103)
        // 12 flapping + 60 pairs + the one begun before the window closed; 22 open, and the four triggered a
        // day earlier and never recovered are still open too.
        #expect(outcome["episodes"] as? Int == 99)
        #expect(outcome["openEpisodes"] as? Int == 26)
        #expect(outcome["flapping"] as? Int == 1)
        #expect(outcome["alertsDayEarlier"] as? Int == 4)
        // Recovery times: 1…10 minutes six times each, 5 minutes twelve times more, and the carried trouble's
        // 60 minutes (10:30Z → 11:30Z): median 5, max 60.
        #expect(outcome["medianTimeToRecoverSeconds"] as? Int == 300)
        #expect(outcome["maximumTimeToRecoverSeconds"] as? Int == 3_600)
        #expect(outcome["checkRun"] as? String == "missing")

        let messages = try await stack.slackMessages()
        #expect(messages.count == 1)
        #expect((messages.first?["reply"] as? [String: Any])?["status"] as? Int == 200, "the sink validates Block Kit limits")
        let payload = String(decoding: try JSONSerialization.data(withJSONObject: messages.first?["payload"] ?? [:]), as: UTF8.self)
        #expect(!payload.contains("<!channel>"), "a title cannot ping the channel")
        #expect(payload.contains("No check run was found"), "a missing check run is said loudly")

        let report = try await stack.report(try #require(outcome["reportKey"] as? String))
        #expect(report.contains("Flapping disk on host:f"))
        #expect(!report.contains("<b>Pair</b>") && report.contains("&lt;b&gt;Pair&lt;/b&gt;"), "titles are escaped")
    }

    /// Slots 10:00 and 20:00 in Seoul: the 10:00 window [20:00, 10:00) KST = [11:00Z, 01:00Z) crosses the
    /// local midnight (15:00Z) and 00:00 UTC, so it spans two local days and two UTC days.
    @Test func aWindowAcrossBothMidnightsCountsEveryAlertOnce() async throws {
        let stack = try await NotificationStack.start(slots: "10:00,20:00")
        defer { Task { try await stack.shutdown() } }
        let times: [(String, Int64)] = [
            ("before", utc("2026-11-24T10:59") + 59_999),   // 19:59:59.999 KST: the previous window
            ("start", utc("2026-11-24T11:00")),             // 20:00 KST exactly: in
            ("late", utc("2026-11-24T14:59") + 59_999),     // 23:59:59.999 KST
            ("midnight", utc("2026-11-24T15:00")),          // 00:00 KST: the new local day
            ("night", utc("2026-11-24T20:00")),
            ("utc-eve", utc("2026-11-24T23:59") + 59_999),  // 08:59:59.999 KST
            ("utc-midnight", utc("2026-11-25T00:00")),      // 09:00 KST, a new UTC day
            ("last", utc("2026-11-25T00:59") + 59_999),     // 09:59:59.999 KST: in
            ("slot", utc("2026-11-25T01:00")),              // 10:00 KST: the next window
        ]
        let bodies = times.enumerated().map { n, entry in
            WebhookBody(id: "m-" + entry.0, monitorID: String(800_000 + n), transition: "Triggered", priority: 2,
                        title: "[P2] " + entry.0, scope: "host:m", time: entry.1)
        }
        #expect(try await stack.send(bodies) == ["200 stored": 9])
        let outcome = try await stack.notify(#"{"scheduled_time": "2026-11-25T01:05:00Z"}"#)
        #expect(outcome["slot"] as? String == "2026-11-25T10:00")
        #expect(outcome["windowStart"] as? String == "2026-11-24T11:00:00Z")
        #expect(outcome["windowEnd"] as? String == "2026-11-25T01:00:00Z")
        #expect(outcome["alerts"] as? Int == 7, "start, late, midnight, night, utc-eve, utc-midnight, last")
        #expect(outcome["dayAlerts"] as? Int == 5, "from local midnight: midnight, night, utc-eve, utc-midnight, last")
        #expect(outcome["checkRun"] as? String == "missing")
        let report = try await stack.report(try #require(outcome["reportKey"] as? String))
        for name in ["start", "late", "midnight", "night", "utc-eve", "utc-midnight", "last"] {
            #expect(report.contains("[P2] \(name)<"), "\(name) is in the report's table")
        }
        #expect(!report.contains("[P2] before<") && !report.contains("[P2] slot<"))
    }

    /// 20,000 alerts in the window, many pages of Query: every one counted, the message still within
    /// Slack's limits, every alert in the report.
    @Test func aStormOfTwentyThousandAlertsIsCountedInFull() async throws {
        // Lambda's own limit: a debug build decodes a storm many times slower than the shipped one.
        let stack = try await NotificationStack.start(timeout: .seconds(900))
        defer { Task { try await stack.shutdown() } }
        let start = utc("2026-11-24T11:00")
        let bodies = (0..<20_000).map { n in
            WebhookBody(id: "s\(n)", monitorID: String(10_000 + n % 400), cycleKey: nil, transition: n % 800 < 400 ? "Triggered" : "Recovered",
                        priority: n % 5 + 1, title: "[P\(n % 5 + 1)] Storm <\(n % 400)>", scope: "host:s\(n % 400)",
                        time: start + Int64(n) * 2_340)
        }
        try await stack.storeInBulk(bodies)
        let outcome = try await stack.notify(Self.morning)
        #expect(outcome["alerts"] as? Int == 20_000, "\(outcome)")
        // 400 monitors, 50 notifications each alternating trigger and recovery: all flapping.
        #expect(outcome["flapping"] as? Int == 400)
        #expect(outcome["episodes"] as? Int == 400 * 25, "each monitor: 25 triggers, each recovered by the next notification")
        #expect(outcome["openEpisodes"] as? Int == 0)
        let messages = try await stack.slackMessages()
        #expect(messages.count == 1)
        #expect((messages.first?["reply"] as? [String: Any])?["status"] as? Int == 200, "\(messages.first?["reply"] ?? "no reply")")
        let report = try await stack.report(try #require(outcome["reportKey"] as? String))
        #expect(report.components(separatedBy: "<tr data-monitor-id=").count - 1 == 20_000, "every alert has its row")
    }

    /// Slack down for a whole invocation: it fails (Lambda retries it), the retry posts, a later retry is
    /// quiet; one digest reaches the channel.
    @Test func aSlackOutageFailsTheRunAndTheRetryPostsOnce() async throws {
        let stack = try await NotificationStack.start()
        defer { Task { try await stack.shutdown() } }
        try await stack.slack.control("/_sink/responses", json: #"[{"status": 500}, {"status": 503}, {"status": 500}, {"status": 502}]"#)
        let failed = try await stack.notification.invoke(.init(string: Self.morning))
        guard case .functionError(let type, _) = failed else {
            Issue.record("an undelivered digest must fail the invocation: \(failed)")
            return
        }
        #expect(type.contains("SlackError"), "\(type)")
        #expect(try await stack.notify(Self.morning)["posted"] as? Bool == true)
        #expect(try await stack.notify(Self.morning)["posted"] as? Bool == false)
        let replies = try await stack.slackMessages().compactMap { ($0["reply"] as? [String: Any])?["status"] as? Int }
        #expect(replies == [500, 503, 500, 502, 200])
    }

    /// SPEC §10: a link dies with the credentials that signed it. Signed by Lambda's role credentials (a
    /// session token, lifetime unknown), the digest says its time is only the latest; signed by the report
    /// signer's key, the link carries that key, works, and is promised for its whole lifetime.
    @Test func reportLinksSayHowLongTheyLiveByWhoSignedThem() async throws {
        let role = try await NotificationStack.start(environment: ["AWS_SESSION_TOKEN": "role-session"])
        defer { Task { try await role.shutdown() } }
        let roleOutcome = try await role.notify(Self.morning)
        #expect(try #require(roleOutcome["reportURL"] as? String).contains("X-Amz-Security-Token=role-session"))
        let roleText = try #require(try await role.slackMessages().last?["payload"] as? [String: Any])["text"] as? String
        #expect(roleText?.contains("at the latest: signed with the function's temporary credentials") == true, "\(roleText ?? "")")

        let signed = try await NotificationStack.start(environment: ["AWS_SESSION_TOKEN": "role-session"], signedByTheReportSigner: true)
        defer { Task { try await signed.shutdown() } }
        let keyID = signed.local.reportSignerAccessKeyID
        let outcome = try await signed.notify(Self.morning)
        let url = try #require(outcome["reportURL"] as? String)
        #expect(url.contains("X-Amz-Credential=\(keyID)%2F") && !url.contains("X-Amz-Security-Token"), "\(url)")
        #expect(url.contains("X-Amz-Expires=43200"))
        let text = try #require(try await signed.slackMessages().last?["payload"] as? [String: Any])["text"] as? String
        #expect(text?.contains(/\(link valid until \d{4}-\d\d-\d\d \d\d:\d\d KST\)/) == true, "\(text ?? "")")
        #expect(text?.contains("at the latest") == false)
        let fetched = try await HTTPTestClient.send(.GET, url)
        #expect(fetched.status == 200 && fetched.headers.first(name: "Content-Encoding") == "gzip")
    }

    /// A report-signing key that cannot be used must not stop the digest: the role signs instead, the link
    /// says "at the latest", and the message says why. Unreadable, and readable but temporary (ASIA…).
    @Test(arguments: ["missing", "temporary"])
    func anUnusableSigningKeyFallsBackToTheRoleAndStillPosts(key: String) async throws {
        let stack = try await NotificationStack.start(environment: [
            "AWS_SESSION_TOKEN": "role-session", "OPS_REPORT_SIGNING_SECRET_ID": key == "missing" ? "no-such-secret" : "temporary-signer",
        ])
        defer { Task { try await stack.shutdown() } }
        if key == "temporary" {
            try await stack.local.putSecret(name: "temporary-signer", value: #"{"access_key_id": "ASIAEXAMPLETEMPORARY", "secret_access_key": "s"}"#)
        }
        let outcome = try await stack.notify(Self.morning)
        #expect(outcome["posted"] as? Bool == true)
        #expect(try #require(outcome["reportURL"] as? String).contains("X-Amz-Security-Token=role-session"))
        let text = try #require(try await stack.slackMessages().last?["payload"] as? [String: Any])["text"] as? String ?? ""
        #expect(text.contains("at the latest: signed with the function's temporary credentials"), "\(text)")
        #expect(text.contains("The report-signing key") && text.contains("The function's role signed this link."), "\(text)")
        #expect(!text.contains("ASIAEXAMPLETEMPORARY") && !text.contains("\"s\""), "no part of the secret is shown")
        #expect(try String(contentsOfFile: stack.notificationOutput, encoding: .utf8).contains("report-signing key not used"))
    }

    /// The claim's PutItem reaches DynamoDB but its answer is lost: the AWS client retries it, the retry fails its
    /// condition against our own write, and the claim is still ours. Exactly one post across Lambda's retries.
    @Test func aClaimWhoseAnswerWasLostStillPostsExactlyOnce() async throws {
        let stack = try await NotificationStack.start(lossyDynamoDB: true)
        defer { Task { try await stack.shutdown() } }
        let proxy = try #require(stack.dynamoDBProxy)
        try await proxy.control(
            "/_proxy/faults", json: #"{"target": "DynamoDB_20120810.PutItem", "body_contains": "POST#notification", "count": 1}"#)
        #expect(try await stack.notify(Self.morning)["posted"] as? Bool == true)
        #expect(try await stack.notify(Self.morning)["posted"] as? Bool == false, "Lambda's retry stays quiet")
        #expect(try await stack.slackMessages().count == 1)
        let log = try JSONSerialization.jsonObject(with: try await proxy.get("/_proxy/log")) as? [[String: Any]] ?? []
        #expect(log.filter { $0["dropped"] as? Bool == true }.count == 1, "the fault was used")
    }

    @Test func aBadEventFailsTheInvocationWithoutPosting() async throws {
        let stack = try await NotificationStack.start()
        defer { Task { try await stack.shutdown() } }
        let oversized = #"{"scheduled_time": "2026-11-25T00:05:00Z", "pad": ""# + String(repeating: "x", count: 70_000) + #""}"#
        for event in [
            #"{"hello": "world"}"#, "not json", "", #"{"scheduled_time": "yesterday"}"#, String(repeating: "[", count: 100_000),
            oversized, #"{"slot": "<!channel> <script>alert(1)</script>"}"#, #"{"slot": "2026-11-25T09:01"}"#,
        ] {
            let result = try await stack.notification.invoke(.init(string: event))
            guard case .functionError = result else {
                Issue.record("\(event.prefix(40)) was accepted: \(result)")
                continue
            }
        }
        #expect(try await stack.slackMessages().isEmpty)
    }
}
