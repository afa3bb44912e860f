import CivilTime
import Foundation
import OpsCore
import Testing

/// The Slack digest against hand-computed figures and Slack's limits, checked by the repository's own
/// Block Kit checker (`SlackPayload`).
@Suite struct DigestMessageTests {
    let builder: SummaryBuilder
    /// 2026-11-25 21:05 KST and, signed by role credentials that expire first, 20:00 KST.
    let alertReport = ReportLink(url: "https://bucket.s3.test/reports/alerts.html?X-Amz-Signature=abc&X-Amz-Expires=43500", expires: Instant(epochSeconds: 1_795_608_300))
    let checkReport = ReportLink(url: "https://bucket.s3.test/reports/check.html?X-Amz-Signature=def", expires: Instant(epochSeconds: 1_795_604_400))

    init() throws { builder = try SummaryBuilder() }

    func build(_ summary: NotificationSummary, reports: Bool = true, system: String = "Argos") -> SlackMessage {
        DigestMessage(systemName: system, zone: builder.zone).build(
            summary, alertReport: reports ? alertReport : nil, checkReport: reports ? checkReport : nil)
    }

    @Test func aNightWithAlertsLeadsWithTheCountTrendAndLinks() throws {
        let message = build(builder.summary(try builder.sampleAlerts(), earlier: try builder.dayEarlier()))
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        #expect(message.blocks.first == .header("Argos alerts · 2026-11-25T09:00"))
        #expect(message.blocks[1] == .section(
            text: "*7 alerts* since 20:00 KST (1 test notification not counted) — 4 open, 0 flapping; +5 vs a day earlier (+250%)\n"
                + "Time to recover in the window: median 30 m, longest 30 m\nDay so far since 00:00 KST: 3 alerts",
            fields: ["*P1*\nTriggered 1 · Recovered 1", "*P2*\nTriggered 3", "*P3*\nWarn 1", "*no priority*\nTriggered 1"]))
        #expect(message.blocks[2] == .context([
            "Window 2026-11-24 20:00 KST – 2026-11-25 09:00 KST, Asia/Seoul (UTC+09:00)",
            "<https://bucket.s3.test/reports/alerts.html?X-Amz-Signature=abc&amp;X-Amz-Expires=43500|Alert report> (link valid until 2026-11-25 21:05 KST)",
            "<https://bucket.s3.test/reports/check.html?X-Amz-Signature=def|Check report> (link valid until 2026-11-25 20:00 KST)",
        ]))
        let all = try SlackPayload.texts(message).dropFirst().joined(separator: "\n")
        #expect(all.contains("*Open episodes (4):*\n• P2 m2 title (m2) — since 20:59 KST · 2 notifications\n• no priority m3 title (m3) — since 23:30 KST · 1 notification"))
        #expect(all.contains("*Noisiest:*\n• P1 m1 title (m1) — 2 alerts\n• P2 m2 title (m2) — 2 alerts\n• no priority m3 title (m3) — 1 alert"))
        #expect(all.contains("*Check 2026-11-25T09:00:* no monitor needs attention (0 checked)."))
        #expect(!all.contains("Flapping") && !all.contains(":rotating_light:") && !all.contains("more"))
        #expect(message.text == """
            Argos alerts 2026-11-25T09:00: 7 alerts since 20:00 KST (1 test notification not counted) — 4 open, 0 flapping; +5 vs a day earlier (+250%)
            <https://bucket.s3.test/reports/alerts.html?X-Amz-Signature=abc&amp;X-Amz-Expires=43500|Alert report> (link valid until 2026-11-25 21:05 KST)
            <https://bucket.s3.test/reports/check.html?X-Amz-Signature=def|Check report> (link valid until 2026-11-25 20:00 KST)
            """)
    }

    @Test(arguments: [
        (SummaryBuilder.Run.missing, "No check run was found for the 2026-11-25T09:00 slot: daily-check did not run or did not save."),
        (.failed, "The 2026-11-25T09:00 check failed: Datadog answered 403."),
        (.running, "The 2026-11-25T09:00 check has not finished: it started but saved no result (still running, or it timed out or crashed)."),
    ])
    func aCheckRunThatDidNotFinishIsTheFirstThingSaid(run: SummaryBuilder.Run, warning: String) throws {
        let message = build(builder.summary(try builder.sampleAlerts(), checkRun: builder.checkRun(run)))
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        #expect(message.blocks[1] == .section(text: ":rotating_light: *" + warning + "*"), "right under the title, before the counts")
        #expect(message.text.hasPrefix(":rotating_light: " + warning + "\n"))
        #expect(try !SlackPayload.texts(message).joined().contains("no monitor needs attention"))
    }

    @Test func theCheckRunsNonOKMonitorsAreListedAsTheCheckMessageListsThem() throws {
        let checks = (0..<40).map {
            MonitorCheck(monitorID: "\($0)", name: "<!channel> DB \($0)", priority: 1, checkClass: .alert, label: "DB-\($0)", category: .database)
        }
        let message = build(builder.summary(try builder.sampleAlerts(), checkRun: builder.checkRun(.finished, notOK: checks)))
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        let all = try SlackPayload.texts(message).joined(separator: "\n")
        #expect(all.contains("*Check 2026-11-25T09:00: 40 not OK:*\n*Alert* · P1 · `DB-0` &lt;!channel&gt; DB 0\n"))
        #expect(all.contains("`DB-14`") && !all.contains("`DB-15`"))
        #expect(all.contains("…and 25 more in the check report"))
        #expect(!all.contains("<!channel>"))
    }

    /// A storm: 5,000 monitors triggered once and left open, 300 monitors flapping 50 times each.
    static func storm(_ builder: SummaryBuilder) -> [Alert] {
        let start = builder.window.start.epochMilliseconds
        let template = SummaryBuilder.alert("t", monitor: "t", at: builder.window.start, title: "<!channel> [P1][DB] replica lag")
        var alerts: [Alert] = []
        alerts.reserveCapacity(20_000)
        for index in 0..<5_000 {
            var alert = template
            alert.eventID = "open-\(index)"
            alert.monitorID = "open-\(index)"
            alert.scope = "host:<!here>-\(index)"
            alert.eventTime = start + Int64(index) * 9_000 + 1
            alerts.append(alert)
        }
        for index in 0..<15_000 {
            var alert = template
            alert.eventID = "flap-\(index)"
            alert.monitorID = "flap-\(index % 300)"
            alert.transition = index / 300 % 2 == 0 ? "triggered" : "recovered"
            alert.transitionRaw = alert.transition
            alert.eventTime = start + Int64(index) * 3_000
            alerts.append(alert)
        }
        return alerts
    }

    @Test func twentyThousandAlertsStayWithinSlackLimitsAndCountWhatIsLeftOut() throws {
        let summary = builder.summary(Self.storm(builder), checkRun: builder.checkRun(.failed))
        #expect(summary.windowDigest.total == 20_000)
        #expect(summary.windowDigest.openEpisodes.count == 5_000)
        #expect(summary.windowDigest.flapping.count == 300)
        let message = build(summary)
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        #expect(message.blocks.count <= 50)
        let texts = try SlackPayload.texts(message)
        #expect(texts.dropFirst().reduce(0) { $0 + $1.unicodeScalars.count } <= 12_000)
        #expect(message.text.unicodeScalars.count < 1_000)
        let all = texts.dropFirst().joined(separator: "\n")
        #expect(all.contains("*Open episodes (5000):*"))
        #expect(all.contains("…and 4990 more in the report"), "ten of 5,000 shown")
        #expect(all.contains("*Flapping (300, ≥ 4 transitions):*\n• P2 &lt;!channel&gt; [P1][DB] replica lag (flap-0) — 50 transitions, 50 alerts"))
        #expect(all.contains("…and 290 more in the report"))
        #expect(message.blocks[1] == .section(text: ":rotating_light: *The 2026-11-25T09:00 check failed: Datadog answered 403.*"))
        #expect(!texts.joined().contains("<!"))
    }

    @Test func whatTheBudgetCannotHoldIsCountedInOneClosingLine() throws {
        let long = String(repeating: "<&>", count: 300)
        let checks = (0..<60).map {
            MonitorCheck(monitorID: "\($0)", name: long, priority: 1, checkClass: .alert, label: long, category: .database)
        }
        var alerts = Self.storm(builder)
        for index in alerts.indices { alerts[index].title = long + "\(index)" }
        let message = build(builder.summary(alerts, checkRun: builder.checkRun(.finished, notOK: checks)))
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        let texts = try SlackPayload.texts(message).dropFirst()
        #expect(texts.reduce(0) { $0 + $1.unicodeScalars.count } <= 12_000)
        // Every monitor is either a line or counted in a "…and N more" line.
        let listed = texts.joined(separator: "\n").components(separatedBy: "\n").filter { $0.hasPrefix("• ") || $0.hasPrefix("*Alert*") }.count
        let counted = texts.joined(separator: "\n").matches(of: #/…and (\d+) more/#).reduce(0) { $0 + Int($1.output.1)! }
        #expect(listed + counted == 5_000 + 300 + 5 + 60)
        guard case .context(let last) = message.blocks.last else {
            Issue.record("no closing line")
            return
        }
        #expect(last.first?.hasPrefix("…and ") == true && last.first?.hasSuffix(" more in the report") == true)
    }

    @Test func aQuietNightSaysSoPlainly() throws {
        let message = build(builder.summary([], earlier: try builder.dayEarlier()))
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        #expect(message.blocks[1] == .section(text: "*No alerts* since 20:00 KST. 2 alerts a day earlier.\nDay so far since 00:00 KST: 0 alerts"))
        #expect(message.text.hasPrefix("Argos alerts 2026-11-25T09:00: No alerts since 20:00 KST. 2 alerts a day earlier.\n"))
        #expect(try !SlackPayload.texts(message).joined().contains("Open episodes"))
    }

    @Test func alertsAreNeverCalledQuiet() throws {
        let message = build(builder.summary(try builder.sampleAlerts()))
        for text in try SlackPayload.texts(message) {
            #expect(!text.contains("No alerts") && !text.contains("OK!"), "\(text)")
        }
    }

    @Test func missingReportsAreSaidPlainly() throws {
        let message = build(builder.summary(Self.storm(builder)), reports: false)
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        let all = try SlackPayload.texts(message).joined(separator: "\n")
        #expect(all.contains("Alert report: report not available") && all.contains("Check report: report not available"))
        #expect(all.contains("…and 4990 more not shown"))
        #expect(message.text.hasSuffix("Alert report: report not available\nCheck report: report not available"))
    }

    @Test func hostileValuesAreEscapedEverywhere() throws {
        let message = build(builder.summary(try builder.sampleAlerts(), checkRun: builder.checkRun(.missing)), system: "<!channel> Argos")
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        let texts = try SlackPayload.texts(message)
        for text in texts {
            #expect(!text.contains("<!") && !text.contains("<script") && !text.contains("<img"), "\(text)")
        }
        #expect(texts.joined().contains("• P2 · `&lt;!here&gt; host:a&amp;amp;b` &lt;script&gt;alert(1)&lt;/script&gt;\"&gt;&lt;img src=x onerror=alert(1)&gt; &lt;!channel&gt; (m5)"))
        #expect(message.blocks.first == .header("&lt;!channel&gt; Argos alerts · 2026-11-25T09:00"))
    }
}
