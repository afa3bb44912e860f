/// One trouble of one monitor (group): from the first trigger-like transition to the recovery, paired by
/// `$ALERT_CYCLE_KEY` when Datadog gave one, else by monitor id and scope.
public struct AlertEpisode: Sendable, Equatable {
    public var key: String
    public var monitorID: String?
    public var title: String?
    public var priority: Int?
    public var scope: String?
    /// The first notification of the episode in the window.
    public var startedAt: Int64
    /// True when that first notification repeats an earlier state (a renotify, a re-trigger): the trouble
    /// began before the window, so `startedAt` is only a bound and no time to recover is known.
    public var startedBeforeWindow: Bool
    public var recoveredAt: Int64?
    /// Notifications in the episode, the recovery included.
    public var notifications: Int

    public var timeToRecover: Int64? { startedBeforeWindow ? nil : recoveredAt.map { $0 - startedAt } }

    /// Pairs time-ordered alerts into episodes. A recovery with no open episode (its trigger was before the
    /// window) closes nothing and is not an episode: its time to recover is unknown.
    static func pair(_ entries: [DigestEntry], in alerts: [Alert]) -> [AlertEpisode] {
        var open: [String: AlertEpisode] = [:]
        var closed: [AlertEpisode] = []
        for entry in entries {
            let i = entry.index
            let key = alerts[i].cycleKey.map { "cycle:" + $0 } ?? "monitor:\(alerts[i].monitorID ?? "-")|\(alerts[i].scope ?? "")"
            let current = open.index(forKey: key)
            switch entry.category {
            case .recovered:
                if let current {
                    var episode = open.remove(at: current).value
                    episode.recoveredAt = alerts[i].eventTime
                    episode.notifications += 1
                    closed.append(episode)
                }
            case .triggered, .warn, .noData, .other:
                if let current {
                    open.values[current].notifications += 1
                } else {
                    open[key] = AlertEpisode(
                        key: key, monitorID: alerts[i].monitorID, title: alerts[i].title, priority: alerts[i].priority,
                        scope: alerts[i].scope, startedAt: alerts[i].eventTime, startedBeforeWindow: entry.isRepeat, recoveredAt: nil,
                        notifications: 1)
                }
            }
        }
        return (closed + open.values).sorted { ($0.startedAt, $0.key) < ($1.startedAt, $1.key) }
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
