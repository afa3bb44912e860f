import CivilTime

/// The one Slack message of a check run (SPEC §6, §9): headline counts, every non-OK check first, the
/// report link with its real expiry, then the OK checks as far as Slack's limits allow.
public struct CheckMessage: Sendable {
    public var systemName: String
    public var zone: ZoneRules
    /// Failing groups named per check; more become "+N more".
    static let groupsShown = 3
    /// Lines of the text fallback (what a text-only post and notifications show).
    static let fallbackLines = 15

    public init(systemName: String, zone: ZoneRules) {
        self.systemName = systemName
        self.zone = zone
    }

    /// `checks` in any order; they are shown in `MonitorCheck.displayOrder`.
    public func build(run: CheckRun, checks: [MonitorCheck], report: ReportLink?) -> SlackMessage {
        let ordered = checks.sorted(by: MonitorCheck.displayOrder)
        let notOK = ordered.filter { $0.checkClass != .ok }
        let ok = ordered.filter { $0.checkClass == .ok }

        var budget = SlackBlockBudget()
        _ = budget.append(.header(SlackText.fitted("\(systemName) daily check · \(run.slotID)", limit: 150)))
        _ = budget.append(.section(text: "*" + headline(run) + "*", fields: countFields(run)))
        if let incompleteness = run.incompleteness {
            _ = budget.append(.section(text: ":warning: *Incomplete:* " + SlackText.escape(incompleteness) + ". The unread monitors are listed as Error."))
        }
        _ = budget.append(.context([SlackText.escape(ranLine(run)), linkLine(report)]))

        var shown = 0
        for check in notOK {
            guard budget.append(line(check), separator: "\n") else { break }
            shown += 1
        }
        budget.close()
        if shown == notOK.count, let first = ok.first {
            if budget.append("*OK (\(ok.count)):* " + SlackText.code(first.label), separator: "\n") {
                shown += 1
                for check in ok.dropFirst() {
                    guard budget.append(SlackText.code(check.label), separator: ", ") else { break }
                    shown += 1
                }
            }
        }
        budget.close()
        let hidden = ordered.count - shown
        if hidden > 0 {
            let whereToLook = report == nil ? "not shown" : "in the report"
            _ = budget.append(.context(["…and \(hidden) more \(whereToLook)"]), reserve: false)
        }
        return SlackMessage(text: fallbackText(run: run, notOK: notOK, report: report), blocks: budget.blocks)
    }

    private func headline(_ run: CheckRun) -> String {
        if run.total == 0 { return "No monitor matched the check's tags and priorities." }
        if run.notOK == 0 { return "All \(run.total) checks OK." }
        return "\(run.notOK) of \(run.total) checks need attention."
    }

    private func countFields(_ run: CheckRun) -> [String] {
        CheckClass.allCases.compactMap { checkClass in
            guard let count = run.counts[checkClass], count > 0 else { return nil }
            return "*\(checkClass)*\n\(count)"
        }
    }

    private func ranLine(_ run: CheckRun) -> String {
        "Checked \(zone.displaySpan(from: run.started, to: run.finished)), \(zone.displayName(at: run.started))"
    }

    private func linkLine(_ report: ReportLink?) -> String {
        guard let report else { return "The report could not be produced." }
        return report.slackLine(title: "Open the check report", zone: zone)
    }

    /// `*Alert* · P1 · `label` name — since 2026-11-25 07:52 KST`, then the failing groups.
    func line(_ check: MonitorCheck, emphasis: String = "*") -> String {
        var text = emphasis + "\(check.checkClass)" + emphasis + " · \(priorityText(check.priority)) · " + SlackText.code(SlackText.truncate(check.label, to: 100))
            + " " + SlackText.escape(SlackText.truncate(check.name, to: 200))
        if let detail = check.errorDetail {
            text += " — " + SlackText.escape(SlackText.truncate(detail, to: 200))
        } else if let since = check.since {
            text += " — since " + SlackText.escape(zone.displayTime(since))
        }
        if !check.failingGroups.isEmpty {
            let named = check.failingGroups.prefix(Self.groupsShown).map {
                SlackText.escape(SlackText.truncate($0.name, to: 80)) + " (" + SlackText.escape($0.status) + ")"
            }
            let more = check.failingGroups.count - named.count
            text += "\n    ↳ " + named.joined(separator: ", ") + (more > 0 ? ", +\(more) more" : "")
        }
        return text
    }

    private func priorityText(_ priority: Int?) -> String {
        priority.map { "P\($0)" } ?? "no priority"
    }

    private func fallbackText(run: CheckRun, notOK: [MonitorCheck], report: ReportLink?) -> String {
        let counts = CheckClass.allCases.compactMap { checkClass in
            run.counts[checkClass].map { "\(checkClass) \($0)" }
        }
        var lines = [
            SlackText.escape("\(systemName) daily check \(run.slotID): ") + headline(run)
                + " (" + counts.joined(separator: ", ") + ")",
        ]
        if let incompleteness = run.incompleteness { lines.append("Incomplete: " + SlackText.escape(incompleteness) + ".") }
        lines.append(linkLine(report))
        lines += notOK.prefix(Self.fallbackLines).map { line($0, emphasis: "") }
        if notOK.count > Self.fallbackLines {
            lines.append("…and \(notOK.count - Self.fallbackLines) more in the report")
        }
        return lines.joined(separator: "\n")
    }
}
