import CivilTime
import Foundation
import OpsCore
import Testing

/// The alert report against hand-computed figures, read back by Python's `html.parser` (`HTMLInspection`).
@Suite struct AlertReportTests {
    struct Bar: Equatable {
        var hour: String
        var total: Int
        var counts: [String: Int]
    }

    /// The chart's bars from the data attributes the SVG carries, in drawing order.
    static func bars(_ html: String) -> [Bar] {
        html.matches(of: #/<g class="bar" data-hour="([^"]+)" data-total="(\d+)">(.*?)</g>/#).map { bar in
            let counts = bar.output.3.matches(of: #/data-priority="(\w+)" data-count="(\d+)"/#).map { (String($0.output.1), Int($0.output.2)!) }
            return Bar(hour: String(bar.output.1), total: Int(bar.output.2)!, counts: Dictionary(uniqueKeysWithValues: counts))
        }
    }

    static func render(_ summary: NotificationSummary, zone: ZoneRules) -> String {
        AlertReport(systemName: "Argos", zone: zone).render(summary)
    }

    let builder: SummaryBuilder
    let html: String

    init() throws {
        builder = try SummaryBuilder()
        html = Self.render(builder.summary(try builder.sampleAlerts(), earlier: try builder.dayEarlier()), zone: builder.zone)
    }

    @Test func thePageIsWellFormedSelfContainedAndLocked() throws {
        let page = try HTMLInspection(html)
        #expect(page.errors == [])
        #expect(page.csp == "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        #expect(page.title == "Argos alerts · 2026-11-25T09:00")
        #expect(page.active == ["svg"], "the chart is the only active-capable element, and it is inline")
        #expect(page.handlers == [])
        #expect(html.matches(of: #/<[^>]*\s(src|srcset|xlink:href)=/#).isEmpty)
        #expect(!html.contains("url("))
        #expect(html.contains(#"<meta name="viewport""#))
        let hrefs = html.matches(of: #/href="([^"]*)"/#).map { String($0.output.1) }
        #expect(hrefs == ["https://app.datadoghq.com/monitors/1?group=host%3Aa&amp;from_ts=1"])
    }

    @Test func theHeaderGivesTheWindowTheDayTheZoneAndTheHeadline() {
        #expect(html.contains("Window 2026-11-24 20:00 KST – 2026-11-25 09:00 KST (13 h 00 m); day so far from 2026-11-25 00:00 KST. Times in Asia/Seoul (UTC+09:00)."))
        #expect(html.contains(
            "<strong>7 alerts</strong> since 20:00 KST (1 test notification not counted) — 4 open, 0 flapping; +5 vs a day earlier (+250%)"))
        #expect(!html.contains("class=\"warning\""))
    }

    @Test func totalsByPriorityAndTransitionForTheWindowAndTheDay() {
        // Window: P1 triggered 1 + recovered 1; P2 triggered 3 (m2 twice, m5); P3 warn 1; no priority triggered 1.
        #expect(html.contains(#"<tr><th>P1</th><td class="n" data-label="Triggered">1</td><td class="n" data-label="Warn">0</td>"#
            + #"<td class="n" data-label="No data">0</td><td class="n" data-label="Recovered">1</td><td class="n" data-label="Other">0</td>"#
            + #"<td class="n" data-label="Total">2</td></tr>"#))
        #expect(html.contains(#"<tr><th>P2</th><td class="n" data-label="Triggered">3</td>"#))
        #expect(html.contains(#"<tr><th>no priority</th><td class="n" data-label="Triggered">1</td>"#))
        // The day since 00:00: m2's re-trigger, m5, m4's warning; the test at 02:05 apart.
        let day = html.components(separatedBy: "<caption>Day so far since 00:00 KST</caption>")
        #expect(day.count == 2)
        #expect(day.last?.contains(#"<tr class="sum"><th>All</th><td class="n" data-label="Triggered">2</td><td class="n" data-label="Warn">1</td>"#) == true)
        #expect(day.last?.contains(#"<td class="n" data-label="Total">3</td></tr>"#) == true)
        #expect(html.components(separatedBy: "Plus 1 test notification, not counted.").count == 3)
        // Each note stays under its own table: the side-by-side layout places blocks, not loose paragraphs.
        #expect(html.components(separatedBy: "</table>\n<p class=\"meta\">Plus 1 test notification, not counted.</p>\n</div>\n").count == 3)
        #expect(html.contains("<div class=\"totals\">\n<div>\n<table>\n<caption>Window since"))
    }

    @Test func theChartHasOneBarPerLocalHourStackedByPriority() {
        let bars = Self.bars(html)
        #expect(bars.map(\.hour) == ["20", "21", "22", "23"].map { "2026-11-24T\($0):00" } + (0...8).map { "2026-11-25T0\($0):00" })
        #expect(bars[0] == Bar(hour: "2026-11-24T20:00", total: 3, counts: ["P1": 2, "P2": 1]))
        #expect(bars[3] == Bar(hour: "2026-11-24T23:00", total: 1, counts: ["none": 1]))
        #expect(bars[6] == Bar(hour: "2026-11-25T02:00", total: 1, counts: ["P2": 1]), "the [TEST] at 02:05 is not drawn")
        #expect(bars[9] == Bar(hour: "2026-11-25T05:00", total: 1, counts: ["P2": 1]))
        #expect(bars[12] == Bar(hour: "2026-11-25T08:00", total: 1, counts: ["P3": 1]))
        #expect(bars.map(\.total).reduce(0, +) == 7)
        #expect(bars.filter { $0.total == 0 }.count == 8)
        #expect(html.contains(#"<svg class="chart" role="img" aria-labelledby="chart-title""#))
        #expect(html.contains(#"<title id="chart-title">Alerts per hour by priority, 2026-11-24 20:00 KST – 2026-11-25 09:00 KST: 7 in all, at most 3 in an hour</title>"#))
        // The busiest hour is the full 160 units; P1's two alerts are the bottom two thirds (106, rounded down).
        #expect(html.contains(#"<rect class="p1" x="37" y="66" width="53" height="106" data-priority="P1" data-count="2"/>"#))
        #expect(html.contains(#"<rect class="p2" x="37" y="12" width="53" height="54" data-priority="P2" data-count="1"/>"#))
    }

    @Test func everyAlertOfTheWindowIsListedInTimeOrderWithTestsMarked() throws {
        let page = try HTMLInspection(html)
        #expect(page.rows.map(\.id) == ["m1", "m1", "m2", "m3", "m2", "m9", "m5", "m4"])
        #expect(page.rows.count == 8, "the window's alerts, the test included")
        #expect(page.rows.map(\.class) == ["", "", "", "", "", "test", "", ""])
        #expect(page.rows[5].text.hasPrefix("2026-11-25 02:05:00 KST TEST"))
        #expect(page.rows[2].text == "2026-11-24 20:59:59 KSTm2m2 titleP2triggered–system.cpu.user–")
        #expect(page.rows[0].href == SummaryBuilder.datadogLink)
        #expect(html.contains("<h2>All alerts (8)</h2>"))
    }

    @Test func hostileValuesAreShownAsTextAndNeverRun() throws {
        let row = try #require(try HTMLInspection(html).rows.first { $0.id == "m5" })
        #expect(row.text.contains(SummaryBuilder.hostileTitle))
        #expect(row.text.contains(SummaryBuilder.hostileScope))
        #expect(row.text.contains(#""><img onerror=alert(2)>"#))
        #expect(row.text.hasSuffix("javascript:alert(1)"), "a javascript: link is shown, not linked")
        #expect(row.href == nil)
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<!channel>"))
        #expect(html.contains("&lt;!here&gt; host:a&amp;amp;b"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func openEpisodesRecoveryAndTheCheckRunAreShown() throws {
        #expect(html.contains("<h2>Open episodes (4)</h2>"))
        #expect(html.contains(#"<td data-label="Monitor">m2 title (m2)</td><td data-label="Priority">P2</td><td data-label="Scope">–</td>"#
            + #"<td data-label="Since">2026-11-24 20:59:59 KST</td><td class="n" data-label="Notifications">2</td>"#))
        #expect(html.contains("<strong>Time to recover:</strong> median 30 m, longest 30 m (1 recovered)."))
        #expect(html.contains("<h2>Flapping monitors (0, ≥ 4 transitions)</h2>\n<p>None.</p>"))
        let check = MonitorCheck(
            monitorID: "42", name: "<!channel> DB down", priority: 1, checkClass: .alert, label: "DB-<b>-01", category: .database)
        let page = Self.render(builder.summary(try builder.sampleAlerts(), checkRun: builder.checkRun(.finished, notOK: [check])), zone: builder.zone)
        #expect(page.contains("<p>Status finished: 1 monitor checked, 1 not OK.</p>"))
        #expect(page.contains(#"<tr class="notok"><td data-label="State"><span class="state c-alert">Alert</span></td><td data-label="Priority">P1</td>"#
            + #"<td data-label="Label">DB-&lt;b&gt;-01</td><td data-label="Monitor">&lt;!channel&gt; DB down (42)</td></tr>"#))
    }

    @Test(arguments: [
        (SummaryBuilder.Run.missing, "No check run was found for the 2026-11-25T09:00 slot: daily-check did not run or did not save."),
        (.failed, "The 2026-11-25T09:00 check failed: Datadog answered 403."),
        (.running, "The 2026-11-25T09:00 check has not finished: it started but saved no result (still running, or it timed out or crashed)."),
    ])
    func aCheckRunThatDidNotFinishIsALoudWarning(run: SummaryBuilder.Run, warning: String) throws {
        let page = Self.render(builder.summary(try builder.sampleAlerts(), checkRun: builder.checkRun(run)), zone: builder.zone)
        #expect(page.contains(#"<div class="warning" role="alert">"# + warning + "</div>"))
        #expect(try HTMLInspection(page).errors == [])
    }

    @Test func aSpringForwardNightInNewYorkHasElevenHourlyBars() throws {
        // 21:00 EST → 09:00 EDT is 11 hours: 02:00 never happens.
        let newYork = try SummaryBuilder(zone: "America/New_York", slots: "09:00,21:00", slot: "2026-03-08T09:00")
        let alerts = [
            SummaryBuilder.alert("a", monitor: "m1", at: try newYork.at("2026-03-08T01:30:00"), priority: 1),
            SummaryBuilder.alert("b", monitor: "m1", at: try newYork.at("2026-03-08T03:30:00"), "Recovered", priority: 1),
        ]
        let page = Self.render(newYork.summary(alerts), zone: newYork.zone)
        let bars = Self.bars(page)
        #expect(bars.map { $0.hour.suffix(5) } == ["21:00", "22:00", "23:00", "00:00", "01:00", "03:00", "04:00", "05:00", "06:00", "07:00", "08:00"])
        #expect(bars[4].counts == ["P1": 1] && bars[5].counts == ["P1": 1])
        #expect(page.contains("Window 2026-03-07 21:00 EST – 2026-03-08 09:00 EDT (11 h 00 m)"))
        #expect(page.contains("Times in America/New_York (UTC-04:00)."))
        #expect(page.contains("<title>2026-03-08 03:00 EDT: 1 alert</title>"))
        // The default 20:00 slot: 13 hours less the skipped one.
        let defaultSlots = try SummaryBuilder(zone: "America/New_York", slot: "2026-03-08T09:00")
        #expect(Self.bars(Self.render(defaultSlots.summary([]), zone: defaultSlots.zone)).count == 12)
    }

    @Test func aQuietWindowSaysSoAndStillDrawsTheChartAxes() throws {
        let page = Self.render(builder.summary([], earlier: try builder.dayEarlier()), zone: builder.zone)
        #expect(try HTMLInspection(page).errors == [])
        #expect(page.contains("<strong>No alerts</strong> since 20:00 KST. 2 alerts a day earlier."))
        let bars = Self.bars(page)
        #expect(bars.count == 13 && bars.allSatisfy { $0.total == 0 && $0.counts.isEmpty })
        #expect(page.contains(#"text-anchor="middle">20</text>"#) && page.contains(#"text-anchor="middle">08</text>"#))
        #expect(page.contains(#"text-anchor="end">0</text>"#))
        #expect(page.contains("<h2>All alerts (0)</h2>\n<p>No notification arrived in the window.</p>"))
        #expect(page.contains("<h2>Open episodes (0)</h2>"))
    }
}
