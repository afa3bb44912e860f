import CivilTime

/// The numbers of the alert digest (SPEC §7) for one window, computed from stored alerts alone: pure, so
/// every rule is unit-tested with hand-computed figures.
public struct AlertDigest: Sendable, Equatable {
    /// Alerts per priority (nil: none given) and transition category, `[TEST]` notifications excluded.
    public var counts: [Int?: [AlertTransition.Category: Int]]
    public var total: Int
    public var testNotifications: Int
    public var episodes: [AlertEpisode]
    /// Median and longest time from trigger to recovery of the episodes that recovered in the window, ms.
    public var medianTimeToRecover: Int64?
    public var maximumTimeToRecover: Int64?
    /// Monitors by number of alerts, most first (ties by monitor id), at most `noisyLimit`.
    public var noisiest: [MonitorActivity]
    /// Monitors with at least `flappingThreshold` transitions in the window.
    public var flapping: [MonitorActivity]

    public static let flappingThreshold = 4
    public static let noisyLimit = 10

    public var openEpisodes: [AlertEpisode] { episodes.filter { $0.recoveredAt == nil } }

    /// `alerts` in any order (time order is cheapest); only those with `eventTime` in `window` count.
    /// `carried`: the troubles still open when the window began (`EpisodePairing` over the hours before).
    public init(alerts: [Alert], window: TimeWindow, carried: [AlertEpisode] = []) {
        // Positions rather than copies: an Alert is a few hundred bytes inline and a storm has tens of
        // thousands; and each transition is parsed once.
        var inWindow = alerts.indices.filter { window.contains(Instant(epochMilliseconds: alerts[$0].eventTime)) }
        let before = { (a: Int, b: Int) in (alerts[a].eventTime, alerts[a].eventID) < (alerts[b].eventTime, alerts[b].eventID) }
        if zip(inWindow, inWindow.dropFirst()).contains(where: { before($1, $0) }) { inWindow.sort(by: before) }
        let real = inWindow.filter { !alerts[$0].isTest }
        testNotifications = inWindow.count - real.count
        total = real.count
        let notifications = real.map { DigestEntry(alerts: alerts, index: $0) }

        var counts: [Int?: [AlertTransition.Category: Int]] = [:]
        for entry in notifications {
            counts[alerts[entry.index].priority, default: [:]][entry.category, default: 0] += 1
        }
        self.counts = counts

        episodes = AlertEpisode.pair(notifications, in: alerts, carried: carried)
        let recoveryTimes = episodes.compactMap(\.timeToRecover).sorted()
        medianTimeToRecover = recoveryTimes.isEmpty ? nil : Self.median(recoveryTimes)
        maximumTimeToRecover = recoveryTimes.last

        let activity = MonitorActivity.byMonitor(notifications, in: alerts)
        noisiest = Array(activity.sorted { ($1.alerts, $0.monitor) < ($0.alerts, $1.monitor) }.prefix(Self.noisyLimit))
        flapping = activity.filter { $0.transitions >= Self.flappingThreshold }.sorted { ($1.transitions, $0.monitor) < ($0.transitions, $1.monitor) }
    }

    /// The median of sorted values; for an even count, the mean of the two middle ones.
    static func median(_ sorted: [Int64]) -> Int64 {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// One notification that counts, by its position in the digest's input, with its transition parsed once.
struct DigestEntry {
    var index: Int
    var category: AlertTransition.Category
    var isRepeat: Bool

    init(alerts: [Alert], index: Int) {
        self.index = index
        let transition = alerts[index].parsedTransition
        category = transition.category
        isRepeat = transition.isRepeat
    }
}
