import HTMLDocument
import CivilTime

/// The check report (SPEC §8): run header with coloured counts, then every monitor, non-OK first, with
/// what an operator needs to act without opening Datadog, and a link for when they do.
public struct CheckReport: Sendable {
    public var systemName: String
    public var zone: ZoneRules
    public var datadog: DatadogEndpoint

    public init(systemName: String, zone: ZoneRules, datadog: DatadogEndpoint) {
        self.systemName = systemName
        self.zone = zone
        self.datadog = datadog
    }

    public func render(run: CheckRun, checks: [MonitorCheck]) -> String {
        let title = "\(systemName) daily check · \(run.slotID)"
        return HTMLPage.render(title: title, style: CheckReportStyle.css) { out in
            out += "<header>\n<h1>\(HTMLText.escape(title))</h1>\n"
            out += "<p class=\"meta\">Checked \(esc(zone.displaySpan(from: run.started, to: run.finished))). "
            out += "Times in \(esc(zone.displayName(at: run.started))). \(run.total) monitors, \(run.notOK) not OK.</p>\n"
            out += countList(run) + priorityLine(run)
            if let incompleteness = run.incompleteness {
                out += "<p class=\"incomplete\">Incomplete: \(esc(incompleteness)). The unread monitors are listed as Error.</p>\n"
            }
            out += "</header>\n<main>\n"
            if checks.isEmpty {
                out += "<p>No monitor matched the check's tags and priorities.</p>\n"
            } else {
                out += "<table>\n<thead><tr><th>State</th><th>Priority</th><th>Label</th><th>Monitor</th><th>State since</th></tr></thead>\n<tbody>\n"
                for check in checks.sorted(by: MonitorCheck.displayOrder) { out += row(check) }
                out += "</tbody>\n</table>\n"
            }
            out += "</main>\n"
        }
    }

    private func esc(_ text: String) -> String { HTMLText.escape(text) }

    private func countList(_ run: CheckRun) -> String {
        var out = "<ul class=\"counts\">\n"
        for checkClass in CheckClass.allCases {
            guard let count = run.counts[checkClass], count > 0 else { continue }
            out += "<li>\(badge(checkClass)) \(count)</li>\n"
        }
        return out + "</ul>\n"
    }

    /// `P1: Alert 1, OK 8 · P2: …`, priorities in order, monitors without one last.
    private func priorityLine(_ run: CheckRun) -> String {
        let parts = run.countsByPriority.keys.sorted { ($0 == 0 ? Int.max : $0) < ($1 == 0 ? Int.max : $1) }.map { priority in
            let counts = CheckClass.allCases.compactMap { checkClass in
                run.countsByPriority[priority]?[checkClass].map { "\(checkClass) \($0)" }
            }
            return (priority == 0 ? "No priority" : "P\(priority)") + ": " + counts.joined(separator: ", ")
        }
        guard !parts.isEmpty else { return "" }
        return "<p class=\"meta\">\(esc(parts.joined(separator: " · ")))</p>\n"
    }

    private func badge(_ checkClass: CheckClass) -> String {
        "<span class=\"state \(Self.cssClass(checkClass))\">\(esc(checkClass.rawValue))</span>"
    }

    static func cssClass(_ checkClass: CheckClass) -> String {
        switch checkClass {
        case .error: "c-error"
        case .alert: "c-alert"
        case .warn: "c-warn"
        case .noData: "c-nodata"
        case .unknown: "c-unknown"
        case .muted: "c-muted"
        case .ok: "c-ok"
        }
    }

    private func row(_ check: MonitorCheck) -> String {
        let id = esc(check.monitorID)
        var out = "<tr id=\"m-\(id)\" data-monitor-id=\"\(id)\"\(check.checkClass == .ok ? "" : " class=\"notok\"")>\n"
        out += "<td data-label=\"State\">\(badge(check.checkClass))</td>\n"
        out += "<td data-label=\"Priority\">\(check.priority.map { "P\($0)" } ?? "–")</td>\n"
        out += "<td data-label=\"Label\"><code>\(esc(check.label))</code> <span class=\"cat\">\(esc(check.category.rawValue))</span></td>\n"
        out += "<td data-label=\"Monitor\"><a href=\"\(esc(datadog.monitorURL(id: check.monitorID)))\" rel=\"noreferrer\">"
        out += "\(esc(check.name.isEmpty ? "Monitor \(check.monitorID)" : check.name))</a>"
        if !check.query.isEmpty { out += "<br><code>\(esc(check.query))</code>" }
        if let detail = check.errorDetail { out += "<p class=\"detail\">\(esc(detail))</p>" }
        if !check.failingGroups.isEmpty {
            out += "\n<ul class=\"groups\">"
            for group in check.failingGroups {
                let since = group.since.map { " since " + zone.displayTime($0) } ?? ""
                out += "<li>\(esc(group.name)) — \(esc(group.status + since))</li>"
            }
            out += "</ul>"
        }
        let json = JSONValue(parsing: check.monitorJSON)?.prettyText ?? check.monitorJSON
        out += "\n<details><summary>Monitor JSON</summary><pre>\(esc(json))</pre></details></td>\n"
        out += "<td data-label=\"State since\">\(check.since.map { esc(zone.displayTime($0)) } ?? "–")</td>\n</tr>\n"
        return out
    }
}
