import CivilTime
import Foundation
import OpsCore
import TestSupport
import Testing

/// The check message against Slack's limits, checked by the repository's own Block Kit checker.
@Suite struct CheckMessageTests {
    let zone = ZoneRules.builtIn("Asia/Seoul")!
    let started = Instant(epochSeconds: 1_795_564_800)  // 2026-11-25T00:00:00Z, 09:00 in Seoul
    let report = ReportLink(url: "https://bucket.s3.test/reports/check.html?X-Amz-Signature=abc&X-Amz-Expires=43200", expires: Instant(epochSeconds: 1_795_608_000))

    func checks(notOK: Int, ok: Int, name: (Int) -> String = { "[P2][System] EC2 CPU high on host-\($0)" }) -> [MonitorCheck] {
        let classes: [CheckClass] = [.alert, .warn, .noData, .error, .unknown, .muted]
        let failing = (0..<5).map { FailingGroup(name: "host:ip-10-0-\($0)-1", status: "Alert", since: Instant(epochSeconds: 1_795_560_000)) }
        return (0..<notOK).map { index in
            MonitorCheck(
                monitorID: String(100_000 + index), name: name(index), priority: index % 2 + 1, checkClass: classes[index % classes.count],
                failingGroups: index % 3 == 0 ? failing : [], label: "SYSTEM-EC2-CPU-High-\(index)", category: .system,
                stateModified: Instant(epochSeconds: 1_795_550_000),
                errorDetail: classes[index % classes.count] == .error ? "monitor deleted since it was listed" : nil)
        } + (0..<ok).map { index in
            MonitorCheck(monitorID: String(200_000 + index), name: "ok \(index)", priority: 2, checkClass: .ok, label: "DB-OK-\(index)", category: .database)
        }
    }

    func build(_ checks: [MonitorCheck], report: ReportLink? = nil) -> SlackMessage {
        let run = CheckRun(slotID: "2026-11-25T09:00", started: started, finished: started.adding(seconds: 4), checks: checks)
        return CheckMessage(systemName: "Argos", zone: zone).build(run: run, checks: checks.reversed(), report: report ?? self.report)
    }

    /// Lambda's role credentials end a link at a time nobody knows: the message must not promise more.
    @Test func aLinkSignedByTemporaryCredentialsIsPromisedOnlyAsAnUpperBound() throws {
        var temporary = report
        temporary.mayExpireEarlier = true
        let all = try SlackPayload.texts(build(checks(notOK: 1, ok: 1), report: temporary)).joined(separator: "\n")
        #expect(all.contains("(link valid until 2026-11-25 21:00 KST at the latest: signed with the function's temporary credentials, it can stop working sooner)"))
        let full = try SlackPayload.texts(build(checks(notOK: 1, ok: 1))).joined(separator: "\n")
        #expect(full.contains("(link valid until 2026-11-25 21:00 KST)") && !full.contains("at the latest"))
    }

    @Test func aTypicalRunListsEveryCheckNonOKFirst() throws {
        let message = build(checks(notOK: 8, ok: 36))
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        let all = try SlackPayload.texts(message).dropFirst().joined(separator: "\n")
        #expect(message.blocks.first == .header("Argos daily check · 2026-11-25T09:00"))
        #expect(all.contains("*8 of 44 checks need attention.*"))
        #expect(all.contains("*Alert*\n2"))
        #expect(all.contains("Checked 2026-11-25 09:00 KST, Asia/Seoul (UTC+09:00)"))
        #expect(all.contains("<https://bucket.s3.test/reports/check.html?X-Amz-Signature=abc&amp;X-Amz-Expires=43200|Open the check report>"))
        #expect(all.contains("link valid until 2026-11-25 21:00 KST"))
        #expect(all.contains("*Error* · P2 · `SYSTEM-EC2-CPU-High-3` [P2][System] EC2 CPU high on host-3 — monitor deleted since it was listed"))
        #expect(all.contains("*Alert* · P1 · `SYSTEM-EC2-CPU-High-0` [P2][System] EC2 CPU high on host-0 — since 2026-11-25 07:40 KST"))
        #expect(all.contains("host:ip-10-0-0-1 (Alert), host:ip-10-0-1-1 (Alert), host:ip-10-0-2-1 (Alert), +2 more"))
        #expect(all.contains("*OK (36):* `DB-OK-0`"))
        #expect(all.contains("`DB-OK-35`"))
        #expect(!all.contains("more in the report"))
        let error = try #require(all.range(of: "*Error*"))
        let alert = try #require(all.range(of: "*Alert* ·"))
        let ok = try #require(all.range(of: "*OK (36)"))
        #expect(error.lowerBound < alert.lowerBound && alert.lowerBound < ok.lowerBound)
        #expect(message.text.hasPrefix("Argos daily check 2026-11-25T09:00: 8 of 44 checks need attention. (Error 1, Alert 2"))
    }

    @Test func twoHundredNonOKChecksStayWithinSlackLimits() throws {
        let message = build(checks(notOK: 200, ok: 40))
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        #expect(message.blocks.count <= 50)
        let blockCharacters = try SlackPayload.texts(message).dropFirst().reduce(0) { $0 + $1.unicodeScalars.count }
        #expect(blockCharacters <= 12_000)
        guard case .context(let last) = message.blocks.last, let summary = last.first else {
            Issue.record("no closing summary")
            return
        }
        let shown = try SlackPayload.texts(message).dropFirst().joined().components(separatedBy: "`SYSTEM-EC2-CPU-High-").count - 1
        #expect(shown > 30)
        #expect(summary == "…and \(240 - shown) more in the report")
        #expect(message.text.contains("…and 185 more in the report"))
        #expect(message.text.unicodeScalars.count < 40_000)
    }

    @Test func longNamesAreCutNotOverflowing() throws {
        let message = build(checks(notOK: 60, ok: 0) { String(repeating: "<&>", count: 400) + "\($0)" })
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
    }

    @Test func hostileNamesAreEscapedEverywhere() throws {
        let hostile = "<!channel> <script>alert(1)</script> & <@U123>"
        var list = checks(notOK: 1, ok: 1)
        list[0].name = hostile
        list[0].label = "<!here>`x"
        list[0].failingGroups = [FailingGroup(name: "host:<!everyone>", status: "Alert", since: nil)]
        list[1].label = "<!channel>"
        let message = CheckMessage(systemName: "<!channel> Argos", zone: zone).build(
            run: CheckRun(slotID: "2026-11-25T09:00", started: started, finished: started, checks: list), checks: list, report: report)
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        for text in try SlackPayload.texts(message) {
            #expect(!text.contains("<!"), "\(text)")
            #expect(!text.contains("<script"), "\(text)")
            #expect(!text.contains("<@"), "\(text)")
        }
        let all = try SlackPayload.texts(message).joined(separator: "\n")
        #expect(all.contains("&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;@U123&gt;"))
        #expect(all.contains("`&lt;!here&gt;'x`"))
    }

    @Test func anEmptyRunAndAMissingReportAreSaidPlainly() throws {
        let run = CheckRun(slotID: "2026-11-25T09:00", started: started, finished: started, checks: [])
        let message = CheckMessage(systemName: "Argos", zone: zone).build(run: run, checks: [], report: nil)
        #expect(try SlackPayload.blockKitVerdict(message) == (0, "ok\n"))
        let all = try SlackPayload.texts(message).joined(separator: "\n")
        #expect(all.contains("No monitor matched"))
        #expect(all.contains("The report could not be produced."))
    }
}
