/// One trouble of one monitor (group): from the first trigger-like transition to the recovery, paired by
/// `$ALERT_CYCLE_KEY` when Datadog gave one, else by monitor id and scope.
public struct AlertEpisode: Sendable, Equatable {
    public var key: String
    public var monitorID: String?
    public var title: String?
    public var priority: Int?
    public var scope: String?
    /// The first notification of the episode that was read: in the window, or before it for a trouble still
    /// open when the window began.
    public var startedAt: Int64
    /// True when that first notification repeats an earlier state (a renotify, a re-trigger): the trouble
    /// began before anything read, so `startedAt` is only a bound and no time to recover is known.
    public var firstSeenAsRepeat: Bool
    public var recoveredAt: Int64?
    /// Notifications in the episode that were read, the recovery included.
    public var notifications: Int

    public var timeToRecover: Int64? { firstSeenAsRepeat ? nil : recoveredAt.map { $0 - startedAt } }

    /// Pairs time-ordered alerts into episodes, continuing `carried` (the troubles open when the window
    /// began). A recovery with no open episode closes nothing and is not an episode: its start is unknown.
    static func pair(_ entries: [DigestEntry], in alerts: [Alert], carried: [AlertEpisode]) -> [AlertEpisode] {
        var pairing = EpisodePairing(open: carried)
        for entry in entries {
            pairing.add(PairingNotice(alerts[entry.index]), category: entry.category, isRepeat: entry.isRepeat)
        }
        return (pairing.closed + pairing.open.values).sorted { ($0.startedAt, $0.key) < ($1.startedAt, $1.key) }
    }
}

/// Pairing as notifications arrive in time order. Also run over the hours before a window, keeping only
/// what is still open, so that a trouble triggered yesterday and open now is in today's digest with its start.
public struct EpisodePairing: Sendable {
    public private(set) var open: [String: AlertEpisode] = [:]
    public private(set) var closed: [AlertEpisode] = []

    public init() {}

    init(open episodes: [AlertEpisode]) {
        open = Dictionary(episodes.map { ($0.key, $0) }) { first, _ in first }
    }

    /// `[TEST]` notifications are the caller's to leave out.
    public mutating func add(_ alert: Alert) {
        let transition = alert.parsedTransition
        add(PairingNotice(alert), category: transition.category, isRepeat: transition.isRepeat)
    }

    /// Forgets the closed episodes: before a window only the open ones matter.
    public mutating func forgetClosed() { closed.removeAll(keepingCapacity: true) }

    mutating func add(_ alert: PairingNotice, category: AlertTransition.Category, isRepeat: Bool) {
        let key = alert.cycleKey.map { "cycle:" + $0 } ?? "monitor:" + (alert.monitorID ?? "-") + "|" + (alert.scope ?? "")
        let current = open.index(forKey: key)
        switch category {
        case .recovered:
            if let current {
                var episode = open.remove(at: current).value
                episode.recoveredAt = alert.eventTime
                episode.notifications += 1
                closed.append(episode)
            }
        case .triggered, .warn, .noData, .other:
            if let current {
                open.values[current].notifications += 1
            } else {
                open[key] = AlertEpisode(
                    key: key, monitorID: alert.monitorID, title: alert.title, priority: alert.priority, scope: alert.scope,
                    startedAt: alert.eventTime, firstSeenAsRepeat: isRepeat, recoveredAt: nil, notifications: 1)
            }
        }
    }
}

/// What pairing reads of a notification. Passing these few fields instead of the alert spares a copy of
/// the whole alert (a few dozen references) for every notification of a storm.
struct PairingNotice {
    var cycleKey: String?
    var monitorID: String?
    var scope: String?
    var title: String?
    var priority: Int?
    var eventTime: Int64

    init(_ alert: borrowing Alert) {
        cycleKey = alert.cycleKey
        monitorID = alert.monitorID
        scope = alert.scope
        title = alert.title
        priority = alert.priority
        eventTime = alert.eventTime
    }
}

/// How busy one monitor was in the window.
public struct MonitorActivity: Sendable, Equatable {
    public var monitor: String
    public var title: String?
    public var priority: Int?
    public var alerts: Int
    /// Changes of state category between consecutive notifications of one group (trigger → recover →
    /// trigger …, the first notification counting as one), for the monitor's busiest group: host A
    /// triggering while host B recovers is not one group flapping.
    public var transitions: Int

    static func byMonitor(_ entries: [DigestEntry], in alerts: [Alert]) -> [MonitorActivity] {
        var byMonitor: [String: MonitorActivity] = [:]
        var byGroup: [String: (last: AlertTransition.Category, transitions: Int)] = [:]
        for entry in entries {
            let i = entry.index
            let monitor = alerts[i].monitorID ?? alerts[i].title ?? "-"
            let group = monitor + "|" + (alerts[i].scope ?? "")
            var transitions = 1
            if let current = byGroup.index(forKey: group) {
                if byGroup.values[current].last != entry.category { byGroup.values[current].transitions += 1 }
                byGroup.values[current].last = entry.category
                transitions = byGroup.values[current].transitions
            } else {
                byGroup[group] = (entry.category, 1)
            }
            if let current = byMonitor.index(forKey: monitor) {
                byMonitor.values[current].alerts += 1
                byMonitor.values[current].transitions = max(byMonitor.values[current].transitions, transitions)
            } else {
                byMonitor[monitor] = MonitorActivity(
                    monitor: monitor, title: alerts[i].title, priority: alerts[i].priority, alerts: 1, transitions: transitions)
            }
        }
        return Array(byMonitor.values)
    }
}
