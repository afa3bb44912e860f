import HTMLDocument
import CivilTime

/// The alert report's full table: every notification of the window in time order, `[TEST]` ones marked.
/// Built straight into the page, row by row, so 20,000 alerts cost one pass and no copy per row.
struct AlertTable {
    let clock: WindowClock

    func append(_ alerts: [Alert], to out: inout String) {
        out += "<section>\n<h2>All alerts (\(alerts.count))</h2>\n"
        guard !alerts.isEmpty else {
            out += "<p>No notification arrived in the window.</p>\n</section>\n"
            return
        }
        out += "<table class=\"alerts\">\n<thead><tr>"
        for column in Self.columns { out += "<th>\(column)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for alert in alerts { appendRow(alert, to: &out) }
        out += "</tbody>\n</table>\n</section>\n"
    }

    private func appendRow(_ alert: Alert, to out: inout String) {
        out += alert.isTest ? "<tr class=\"test\" data-monitor-id=\"" : "<tr data-monitor-id=\""
        HTMLText.append(alert.monitorID ?? "", to: &out)
        out += "\"><td>"
        clock.append(Instant(epochMilliseconds: alert.eventTime), to: &out)
        if alert.isTest { out += " <span class=\"cat\">TEST</span>" }
        let transition = alert.parsedTransition
        appendCell(alert.monitorID, to: &out)
        appendCell(alert.title ?? alert.eventTitle, to: &out)
        appendCell(alert.priority.map { "P\($0)" }, to: &out)
        appendCell(transition.category == .other ? alert.transitionRaw ?? alert.transition : transition.name, to: &out)
        appendCell(alert.scope, to: &out)
        appendCell(alert.metric, to: &out)
        out += "</td><td>"
        if let link = alert.link { HTMLText.appendLink(link, text: "Datadog", to: &out) } else { out += "–" }
        out += "</td></tr>\n"
    }

    private func appendCell(_ text: String?, to out: inout String) {
        out += "</td><td>"
        HTMLText.append(text ?? "–", to: &out)
    }

    static let columns = ["Time", "Monitor", "Title", "Priority", "Transition", "Scope", "Metric", "Link"]

    /// On phones each row is a card whose cells name their column. The names come from this style rather
    /// than a `data-label` on every cell: that would be a third of a 20,000-row page.
    static let phoneCSS = "@media (max-width:720px){table.alerts td::before{font-weight:600;color:#5b6475}"
        + columns.enumerated().map { "table.alerts td:nth-child(\($0.offset + 1))::before{content:\"\($0.element): \"}" }.joined()
        + "}\n"
}
