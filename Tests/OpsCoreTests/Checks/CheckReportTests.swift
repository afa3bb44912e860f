import CivilTime
import Foundation
import OpsCore
import TestSupport
import Testing

/// The rendered check report, read back by Python's `html.parser` (`HTMLInspection`).
@Suite struct CheckReportTests {
    let zone = ZoneRules.builtIn("Asia/Seoul")!
    let started = Instant(epochSeconds: 1_795_564_800)
    let hostile = "<!channel> <script>alert(1)</script> \" ' &amp;"

    func checks() -> [MonitorCheck] {
        [
            MonitorCheck(monitorID: "11", name: "[P2][DB] fine", priority: 2, checkClass: .ok, query: "avg:x{*} > 1",
                         label: "DB-OK-01", category: .database, stateModified: started, monitorJSON: #"{"id":11}"#),
            MonitorCheck(monitorID: "12", name: hostile, priority: 1, checkClass: .alert,
                         failingGroups: [FailingGroup(name: "host:<img src=x onerror=alert(1)>", status: "Alert", since: started.adding(seconds: -3600))],
                         query: "avg:cpu{host:</td></tr>} > 90", tags: ["team:argos"], label: "</code><script>x</script>",
                         category: .system, stateModified: started.adding(seconds: -7200),
                         monitorJSON: #"{"name":"</pre></details><script>alert(1)</script>","한글":"유지"}"#),
            MonitorCheck(monitorID: "13", name: "[P2][Container] gone", priority: 2, checkClass: .error, label: "Container-GONE-01",
                         category: .container, errorDetail: "monitor deleted since it was listed"),
        ]
    }

    func render(_ checks: [MonitorCheck], datadog: DatadogEndpoint? = nil) throws -> String {
        let run = CheckRun(slotID: "2026-11-25T09:00", started: started, finished: started.adding(seconds: 4), checks: checks)
        let endpoint = try datadog ?? DatadogEndpoint(site: "datadoghq.eu")
        return CheckReport(systemName: "Argos", zone: zone, datadog: endpoint).render(run: run, checks: checks)
    }

    @Test func theReportIsWellFormedSelfContainedAndLocked() throws {
        let html = try render(checks())
        let page = try HTMLInspection(html)
        #expect(page.errors == [])
        #expect(page.csp == "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        #expect(page.active == [])
        #expect(page.handlers == [])
        #expect(page.title == "Argos daily check · 2026-11-25T09:00")
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains(" src=\""))
    }

    @Test func everyMonitorIsListedNonOKFirstWithWhatAnOperatorNeeds() throws {
        let page = try HTMLInspection(try render(checks()))
        #expect(page.rows.map(\.id) == ["13", "12", "11"])
        #expect(page.rows.map(\.class) == ["notok", "notok", ""])
        #expect(page.details == 3)
        let alert = page.rows[1]
        #expect(alert.href == "https://app.datadoghq.eu/monitors/12")
        #expect(alert.text.contains(hostile))
        #expect(alert.text.contains("</code><script>x</script>"))
        #expect(alert.text.contains("System/EC2"))
        #expect(alert.text.contains("avg:cpu{host:</td></tr>} > 90"))
        #expect(alert.text.contains("host:<img src=x onerror=alert(1)> — Alert since 2026-11-25 08:00 KST"))
        #expect(alert.text.hasSuffix("\n2026-11-25 08:00 KST\n"))
        #expect(alert.text.contains(#""한글" : "유지""#))
        #expect(alert.text.contains("{\n  \"name\" : \"</pre></details><script>alert(1)</script>\","))
        #expect(page.rows[0].text.contains("monitor deleted since it was listed"))
        #expect(page.rows[0].text.contains("Container/EKS"))
    }

    @Test func theHeaderNamesTheZoneAndCountsByClassAndPriority() throws {
        let html = try render(checks())
        #expect(html.contains("Times in Asia/Seoul (UTC+09:00)."))
        #expect(html.contains("Checked 2026-11-25 09:00 KST."))
        #expect(html.contains(#"<li><span class="state c-alert">Alert</span> 1</li>"#))
        #expect(html.contains("P1: Alert 1 · P2: Error 1, OK 1"))
        #expect(html.contains("<meta name=\"viewport\""))
    }

    @Test func regionalSitesAndTheFakeLinkToTheirOwnUI() throws {
        let us3 = try HTMLInspection(try render(checks(), datadog: DatadogEndpoint(site: "us3.datadoghq.com")))
        #expect(us3.rows.first?.href == "https://us3.datadoghq.com/monitors/13")
        let fake = try HTMLInspection(try render(checks(), datadog: DatadogEndpoint(baseURL: "http://127.0.0.1:9000")))
        #expect(fake.rows.first?.href == "http://127.0.0.1:9000/monitors/13")
    }

    @Test func anEmptyRunSaysSo() throws {
        let page = try HTMLInspection(try render([]))
        #expect(page.errors == [])
        #expect(page.rows.isEmpty)
    }
}
