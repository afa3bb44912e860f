import HTMLDocument
import CivilTime

/// The alert report (SPEC §8): what happened in the window since the previous slot and in the local day so
/// far, from totals and an hourly chart down to every notification in time order. Every value that came in
/// a webhook is escaped, and only `http(s)` links become links: titles, scopes and links are
/// attacker-controllable.
public struct AlertReport: Sendable {
    public var systemName: String
    public var zone: ZoneRules

    public init(systemName: String, zone: ZoneRules) {
        self.systemName = systemName
        self.zone = zone
    }

    public func render(_ summary: NotificationSummary) -> String {
        let title = "\(systemName) alerts · \(summary.slot.id)"
        // About 250 bytes a table row: one allocation up front instead of a doubling per few thousand rows.
        let capacity = 16_384 + 250 * (summary.alerts.count + summary.windowDigest.episodes.count)
        return HTMLPage.render(title: title, style: AlertReportStyle.css, capacity: capacity) { out in
            out += "<header>\n<h1>"
            HTMLText.append(title, to: &out)
            out += "</h1>\n"
            appendPeriod(summary, to: &out)
            if let warning = summary.checkRun.warning {
                out += "<div class=\"warning\" role=\"alert\">"
                HTMLText.append(warning, to: &out)
                out += "</div>\n"
            }
            let headline = DigestWording.headline(summary, zone: zone)
            out += "<p class=\"headline\"><strong>"
            HTMLText.append(headline.count, to: &out)
            out += "</strong>"
            HTMLText.append(headline.rest, to: &out)
            out += "</p>\n</header>\n<main>\n"

            appendTotals(summary, to: &out)
            out += "<section>\n<h2>Alerts per hour</h2>\n"
            AlertChart(alerts: summary.alerts, window: summary.window, zone: zone).appendSVG(to: &out)
            appendLegend(to: &out)
            out += "</section>\n"
            let clock = WindowClock(zone: zone, window: summary.window)
            appendEpisodes(summary.windowDigest, clock: clock, to: &out)
            appendMonitors(summary.windowDigest, to: &out)
            appendCheckRun(summary.checkRun, to: &out)
            AlertTable(clock: clock).append(summary.alerts, to: &out)
            out += "</main>\n"
        }
    }

    private func appendPeriod(_ summary: NotificationSummary, to out: inout String) {
        let hours = DigestWording.duration(milliseconds: summary.window.durationMilliseconds)
        out += "<p class=\"meta\">Window "
        HTMLText.append(zone.displayTime(summary.window.start) + " – " + zone.displayTime(summary.window.end) + " (" + hours + ")", to: &out)
        out += "; day so far from "
        HTMLText.append(zone.displayTime(summary.day.start), to: &out)
        out += ". Times in "
        HTMLText.append(zone.displayName(at: summary.window.end), to: &out)
        out += ".</p>\n"
    }

    /// Priority × transition for the window and for the day so far, side by side.
    private func appendTotals(_ summary: NotificationSummary, to out: inout String) {
        out += "<section>\n<h2>Totals</h2>\n<div class=\"totals\">\n"
        appendCounts(summary.windowDigest, caption: "Window since " + DigestWording.clock(summary.window.start, zone: zone), to: &out)
        appendCounts(summary.dayDigest, caption: "Day so far since " + DigestWording.clock(summary.day.start, zone: zone), to: &out)
        out += "</div>\n</section>\n"
    }

    private func appendCounts(_ digest: AlertDigest, caption: String, to out: inout String) {
        let categories = AlertTransition.Category.allCases
        out += "<div>\n<table>\n<caption>"
        HTMLText.append(caption, to: &out)
        out += "</caption>\n<thead><tr><th>Priority</th>"
        for category in categories { out += "<th class=\"n\">\(DigestWording.category(category))</th>" }
        out += "<th class=\"n\">Total</th></tr></thead>\n<tbody>\n"
        var all: [AlertTransition.Category: Int] = [:]
        for counts in digest.counts.values { all.merge(counts, uniquingKeysWith: +) }
        let rows = DigestWording.priorities(digest.counts).map { (DigestWording.priority($0), digest.counts[$0] ?? [:]) } + [("All", all)]
        for (index, (name, counts)) in rows.enumerated() {
            out += (index == rows.count - 1 ? "<tr class=\"sum\"><th>" : "<tr><th>") + name + "</th>"
            for category in categories {
                appendCell(DigestWording.category(category), "\(counts[category] ?? 0)", numeric: true, to: &out)
            }
            appendCell("Total", "\(counts.values.reduce(0, +))", numeric: true, to: &out)
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if digest.testNotifications > 0 {
            out += "<p class=\"meta\">Plus " + DigestWording.count(digest.testNotifications, "test notification") + ", not counted.</p>\n"
        }
        out += "</div>\n"
    }

    private func appendLegend(to out: inout String) {
        out += "<ul class=\"legend\">"
        for priority in AlertChart.series {
            out += "<li><span class=\"swatch \(AlertChart.cssClass(priority))\"></span>\(AlertChart.name(priority))</li>"
        }
        out += "</ul>\n"
    }

    private func appendEpisodes(_ digest: AlertDigest, clock: WindowClock, to out: inout String) {
        let open = digest.openEpisodes
        out += "<section>\n<h2>Open episodes (\(open.count))</h2>\n"
        if open.isEmpty {
            out += "<p>None: every trigger of the window has recovered.</p>\n"
        } else {
            out += "<table>\n<thead><tr><th>Monitor</th><th>Priority</th><th>Scope</th><th>Since</th><th class=\"n\">Notifications</th></tr></thead>\n<tbody>\n"
            for episode in open {
                out += "<tr>"
                appendCell("Monitor", DigestWording.monitor(title: episode.title, id: episode.monitorID), to: &out)
                appendCell("Priority", DigestWording.priority(episode.priority), to: &out)
                appendCell("Scope", episode.scope ?? "–", to: &out)
                out += "<td data-label=\"Since\">"
                if episode.firstSeenAsRepeat { out += "before " }
                clock.append(Instant(epochMilliseconds: episode.startedAt), to: &out)
                out += "</td>"
                appendCell("Notifications", "\(episode.notifications)", numeric: true, to: &out)
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<p><strong>Time to recover:</strong> "
        out += DigestWording.timeToRecover(digest).map { $0 + " (\(digest.episodes.count - open.count) recovered)." } ?? "no episode recovered in the window."
        out += "</p>\n</section>\n"
    }

    private func appendMonitors(_ digest: AlertDigest, to out: inout String) {
        out += "<section>\n<h2>Noisiest monitors</h2>\n"
        appendActivity(digest.noisiest, empty: "No alerts in the window.", to: &out)
        out += "<h2>Flapping monitors (\(digest.flapping.count), ≥ \(AlertDigest.flappingThreshold) transitions)</h2>\n"
        appendActivity(digest.flapping, empty: "None.", to: &out)
        out += "</section>\n"
    }

    private func appendActivity(_ monitors: [MonitorActivity], empty: String, to out: inout String) {
        guard !monitors.isEmpty else {
            out += "<p>\(empty)</p>\n"
            return
        }
        out += "<table>\n<thead><tr><th>Monitor</th><th>Priority</th><th class=\"n\">Alerts</th><th class=\"n\">Transitions</th></tr></thead>\n<tbody>\n"
        for activity in monitors {
            out += "<tr>"
            appendCell("Monitor", DigestWording.monitor(title: activity.title, id: activity.monitor), to: &out)
            appendCell("Priority", DigestWording.priority(activity.priority), to: &out)
            appendCell("Alerts", "\(activity.alerts)", numeric: true, to: &out)
            appendCell("Transitions", "\(activity.transitions)", numeric: true, to: &out)
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
    }

    /// The slot's check as daily-check stored it: its state, then the monitors that were not OK.
    private func appendCheckRun(_ checkRun: CheckRunSummary, to out: inout String) {
        out += "<section>\n<h2>Check run "
        HTMLText.append(checkRun.slotID, to: &out)
        out += "</h2>\n<p>"
        if let record = checkRun.record {
            HTMLText.append("Status \(record.status): " + DigestWording.count(record.total, "monitor") + " checked, \(record.notOK) not OK.", to: &out)
        } else {
            out += "No check run was stored for this slot."
        }
        out += "</p>\n"
        if !checkRun.notOK.isEmpty {
            out += "<table>\n<thead><tr><th>State</th><th>Priority</th><th>Label</th><th>Monitor</th></tr></thead>\n<tbody>\n"
            for check in checkRun.notOK.map(MonitorCheck.init(record:)) {
                out += "<tr class=\"notok\"><td data-label=\"State\"><span class=\"state \(CheckReport.cssClass(check.checkClass))\">"
                HTMLText.append(check.checkClass.rawValue, to: &out)
                out += "</span></td>"
                appendCell("Priority", DigestWording.priority(check.priority), to: &out)
                appendCell("Label", check.label, to: &out)
                appendCell("Monitor", DigestWording.monitor(title: check.name.isEmpty ? nil : check.name, id: check.monitorID), to: &out)
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n"
    }

    /// A `<td>` with its column name for the one-card-per-row layout on phones.
    private func appendCell(_ label: String, _ text: String, numeric: Bool = false, to out: inout String) {
        out += numeric ? "<td class=\"n\" data-label=\"\(label)\">" : "<td data-label=\"\(label)\">"
        HTMLText.append(text, to: &out)
        out += "</td>"
    }
}
