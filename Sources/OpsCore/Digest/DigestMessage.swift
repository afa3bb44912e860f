import CivilTime

/// The one Slack message of a notification run (SPEC §7, §9): a check-run warning before anything else, the
/// headline with the trend, counts by priority, both report links with their real expiry, then the open
/// episodes, flapping and noisy monitors and the check's non-OK monitors, each cut to a few lines.
public struct DigestMessage: Sendable {
    public var systemName: String
    public var zone: ZoneRules
    /// Lines per list; the rest are counted into "…and N more".
    static let episodesShown = 10
    static let flappingShown = 10
    static let noisyShown = 5
    static let checksShown = 15

    public init(systemName: String, zone: ZoneRules) {
        self.systemName = systemName
        self.zone = zone
    }

    public func build(_ summary: NotificationSummary, alertReport: ReportLink?, checkReport: ReportLink?) -> SlackMessage {
        let digest = summary.windowDigest
        let headline = DigestWording.headline(summary, zone: zone)
        var budget = SlackBlockBudget()
        _ = budget.append(.header(SlackText.fitted("\(systemName) alerts · \(summary.slot.id)", limit: 150)))
        if let warning = summary.checkRun.warning {
            _ = budget.append(.section(text: ":rotating_light: *" + SlackText.fitted(warning, limit: 2_900) + "*"))
        }
        _ = budget.append(.section(
            text: "*" + SlackText.escape(headline.count) + "*" + SlackText.escape(headline.rest) + "\n" + SlackText.escape(dayLine(summary)),
            fields: countFields(digest)))
        _ = budget.append(.context([
            SlackText.escape(periodLine(summary.window)),
            linkLine(alertReport, title: "Alert report"),
            linkLine(checkReport, title: "Check report"),
        ]))

        let more = alertReport == nil ? "not shown" : "in the report"
        let open = digest.openEpisodes
        var unlisted = appendList(
            "Open episodes (\(open.count))", open.prefix(Self.episodesShown).map { line($0, windowStart: summary.window.start) }, of: open.count, more: more, to: &budget)
        unlisted += appendList(
            "Flapping (\(digest.flapping.count), ≥ \(AlertDigest.flappingThreshold) transitions)",
            digest.flapping.prefix(Self.flappingShown).map { line($0, detail: "\($0.transitions) transitions, " + DigestWording.count($0.alerts, "alert")) },
            of: digest.flapping.count, more: more, to: &budget)
        unlisted += appendList(
            "Noisiest", digest.noisiest.prefix(Self.noisyShown).map { line($0, detail: DigestWording.count($0.alerts, "alert")) },
            of: min(digest.noisiest.count, Self.noisyShown), more: more, to: &budget)
        let checkMessage = CheckMessage(systemName: systemName, zone: zone)
        let notOK = summary.checkRun.notOK
        if notOK.isEmpty, summary.checkRun.warning == nil, let record = summary.checkRun.record {
            budget.close()
            _ = budget.append(SlackText.escape("*Check \(summary.checkRun.slotID):* no monitor needs attention (\(record.total) checked)."), separator: "\n")
        }
        unlisted += appendList(
            "Check \(summary.checkRun.slotID): \(notOK.count) not OK",
            notOK.prefix(Self.checksShown).map { checkMessage.line(MonitorCheck(record: $0)) }, of: notOK.count,
            more: checkReport == nil ? "not shown" : "in the check report", to: &budget)
        budget.close()
        if unlisted > 0 {
            _ = budget.append(.context(["…and \(unlisted) more \(more)"]), reserve: false)
        }
        return SlackMessage(text: fallbackText(summary, headline: headline, alertReport: alertReport, checkReport: checkReport), blocks: budget.blocks)
    }

    /// A titled section of `lines` (the first of `total` items) closed by "…and N more" when some are left
    /// out; returns how many items neither a line nor that closing line could account for.
    private func appendList(_ title: String, _ lines: [String], of total: Int, more: String, to budget: inout SlackBlockBudget) -> Int {
        guard total > 0 else { return 0 }
        budget.close()
        guard budget.append("*" + SlackText.escape(title) + ":*", separator: "\n") else { return total }
        var shown = 0
        for line in lines {
            guard budget.append(line, separator: "\n") else { break }
            shown += 1
        }
        let hidden = total - shown
        if hidden > 0, !budget.append("…and \(hidden) more \(more)", separator: "\n") { return hidden }
        return 0
    }

    private func countFields(_ digest: AlertDigest) -> [String] {
        DigestWording.priorities(digest.counts).map { priority in
            let counts = AlertTransition.Category.allCases.compactMap { category in
                digest.counts[priority]?[category].map { DigestWording.category(category) + " \($0)" }
            }
            return "*" + DigestWording.priority(priority) + "*\n" + counts.joined(separator: " · ")
        }
    }

    /// `Time to recover in the window: median 12 m, longest 3 h 05 m` then `Day so far since 00:00 KST: 52 alerts`.
    private func dayLine(_ summary: NotificationSummary) -> String {
        let recover = DigestWording.timeToRecover(summary.windowDigest).map { "Time to recover in the window: " + $0 + "\n" } ?? ""
        return recover + "Day so far since " + DigestWording.clock(summary.day.start, zone: zone) + ": "
            + DigestWording.count(summary.dayDigest.total, "alert")
    }

    private func periodLine(_ window: TimeWindow) -> String {
        "Window " + zone.displayTime(window.start) + " – " + zone.displayTime(window.end) + ", " + zone.displayName(at: window.end)
    }

    private func linkLine(_ report: ReportLink?, title: String) -> String {
        report?.slackLine(title: title, zone: zone) ?? SlackText.escape(title + ": report not available")
    }

    /// `P1 · `host:a` [P1][DB] replica lag (123) — since 21:14 KST · 3 notifications`.
    private func line(_ episode: AlertEpisode, windowStart: Instant) -> String {
        let start = Instant(epochMilliseconds: episode.startedAt)
        var text = "• " + DigestWording.priority(episode.priority)
        if let scope = episode.scope { text += " · " + SlackText.code(SlackText.truncate(scope, to: 100)) }
        text += " " + SlackText.escape(SlackText.truncate(DigestWording.monitor(title: episode.title, id: episode.monitorID), to: 200))
        text += (episode.firstSeenAsRepeat ? " — since before " : " — since ")
            + SlackText.escape(start < windowStart ? zone.displayTime(start) : DigestWording.clock(start, zone: zone))
        return text + " · " + DigestWording.count(episode.notifications, "notification")
    }

    private func line(_ activity: MonitorActivity, detail: String) -> String {
        "• " + DigestWording.priority(activity.priority) + " "
            + SlackText.escape(SlackText.truncate(DigestWording.monitor(title: activity.title, id: activity.monitor), to: 200)) + " — " + detail
    }

    /// What a text-only post and phone notifications show: the warning first, the headline, the links.
    private func fallbackText(_ summary: NotificationSummary, headline: (count: String, rest: String), alertReport: ReportLink?, checkReport: ReportLink?) -> String {
        var lines: [String] = []
        if let warning = summary.checkRun.warning { lines.append(":rotating_light: " + SlackText.escape(warning)) }
        lines.append(SlackText.escape("\(systemName) alerts \(summary.slot.id): " + headline.count + headline.rest))
        lines.append(linkLine(alertReport, title: "Alert report"))
        lines.append(linkLine(checkReport, title: "Check report"))
        return lines.joined(separator: "\n")
    }
}
