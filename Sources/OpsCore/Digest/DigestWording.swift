import CivilTime

/// The phrases the alert report and the Slack digest share, so the page and the message never disagree
/// on what a number means. Plain text: each renderer escapes it its own way.
enum DigestWording {
    /// Rows of a priority table: P1…P5 in order, then alerts without a priority.
    static func priorities(_ counts: [Int?: [AlertTransition.Category: Int]]) -> [Int?] {
        counts.keys.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
    }

    static func priority(_ priority: Int?) -> String {
        priority.map { "P\($0)" } ?? "no priority"
    }

    static func category(_ category: AlertTransition.Category) -> String {
        switch category {
        case .triggered: "Triggered"
        case .warn: "Warn"
        case .noData: "No data"
        case .recovered: "Recovered"
        case .other: "Other"
        }
    }

    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `20:00 KST`: where the window starts, the day being clear from the slot.
    static func clock(_ instant: Instant, zone: ZoneRules) -> String {
        zone.localDateTime(at: instant).time.hourMinute + " " + zone.abbreviation(at: instant)
    }

    /// `+12 vs a day earlier (+48%)`; a day earlier without alerts has no percentage to give.
    static func trend(_ trend: AlertTrend) -> String {
        guard let percent = trend.percent else { return "no alerts a day earlier" }
        if trend.difference == 0 { return "as many as a day earlier" }
        return signed(trend.difference) + " vs a day earlier (" + signed(percent) + "%)"
    }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// `37 alerts` and ` since 20:00 KST — 5 open, 2 flapping; +12 vs a day earlier (+48%)`, split so Slack
    /// can bold the count. A quiet window says so and nothing else that could read as trouble.
    static func headline(_ summary: NotificationSummary, zone: ZoneRules) -> (count: String, rest: String) {
        let digest = summary.windowDigest
        let since = " since " + clock(summary.window.start, zone: zone)
        let tests = digest.testNotifications > 0 ? " (" + count(digest.testNotifications, "test notification") + " not counted)" : ""
        guard digest.total > 0 else {
            let earlier = summary.trend.previous > 0 ? " " + count(summary.trend.previous, "alert") + " a day earlier." : ""
            return ("No alerts", since + "." + tests + earlier)
        }
        let rest = since + tests + " — \(digest.openEpisodes.count) open, \(digest.flapping.count) flapping; " + trend(summary.trend)
        return (count(digest.total, "alert"), rest)
    }

    /// `45 s`, `12 m`, `3 h 05 m`, `2 d 4 h`: a time to recover at a glance.
    static func duration(milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1000)
        if seconds < 60 { return "\(seconds) s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes) m" }
        if minutes < 24 * 60 { return "\(minutes / 60) h " + DecimalText.padded(Int(minutes % 60), width: 2) + " m" }
        return "\(minutes / 1440) d \(minutes % 1440 / 60) h"
    }

    /// `median 12 m, longest 3 h 05 m`, or nil when no episode recovered in the window.
    static func timeToRecover(_ digest: AlertDigest) -> String? {
        guard let median = digest.medianTimeToRecover, let longest = digest.maximumTimeToRecover else { return nil }
        return "median " + duration(milliseconds: median) + ", longest " + duration(milliseconds: longest)
    }

    /// `[P2][DB] title (123)`: a monitor named for people, with the id to search by.
    static func monitor(title: String?, id: String?) -> String {
        switch (title, id) {
        case let (title?, id?) where title != id: title + " (" + id + ")"
        case let (title?, _): title
        case let (nil, id?): "Monitor " + id
        case (nil, nil): "Unknown monitor"
        }
    }
}
