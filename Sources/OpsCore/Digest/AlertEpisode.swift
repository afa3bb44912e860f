/// One trouble of one monitor (group): from the first trigger-like transition to the recovery, paired by
/// `$ALERT_CYCLE_KEY` when Datadog gave one, else by monitor id and scope.
public struct AlertEpisode: Sendable, Equatable {
    public var key: String
    public var monitorID: String?
    public var title: String?
    public var priority: Int?
    public var scope: String?
    public var startedAt: Int64
    public var recoveredAt: Int64?
    /// Notifications in the episode, the recovery included.
    public var notifications: Int

    public var timeToRecover: Int64? { recoveredAt.map { $0 - startedAt } }

    /// Pairs time-ordered alerts into episodes. A recovery with no open episode (its trigger was before the
    /// window) closes nothing and is not an episode: its time to recover is unknown.
    static func pair(_ alerts: [Alert]) -> [AlertEpisode] {
        var open: [String: AlertEpisode] = [:]
        var closed: [AlertEpisode] = []
        for alert in alerts {
            let key = alert.cycleKey.map { "cycle:" + $0 } ?? "monitor:\(alert.monitorID ?? "-")|\(alert.scope ?? "")"
            switch alert.parsedTransition.category {
            case .recovered:
                if var episode = open.removeValue(forKey: key) {
                    episode.recoveredAt = alert.eventTime
                    episode.notifications += 1
                    closed.append(episode)
                }
            case .triggered, .warn, .noData, .other:
                if open[key] == nil {
                    open[key] = AlertEpisode(
                        key: key, monitorID: alert.monitorID, title: alert.title, priority: alert.priority, scope: alert.scope,
                        startedAt: alert.eventTime, recoveredAt: nil, notifications: 0)
                }
                open[key]!.notifications += 1
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
    /// Changes of state category between consecutive notifications (trigger → recover → trigger …), the
    /// first notification counting as one.
    public var transitions: Int

    static func byMonitor(_ alerts: [Alert]) -> [MonitorActivity] {
        var byMonitor: [String: MonitorActivity] = [:]
        var lastCategory: [String: AlertTransition.Category] = [:]
        for alert in alerts {
            let monitor = alert.monitorID ?? alert.title ?? "-"
            let category = alert.parsedTransition.category
            var activity = byMonitor[monitor] ?? MonitorActivity(monitor: monitor, title: alert.title, priority: alert.priority, alerts: 0, transitions: 0)
            activity.alerts += 1
            if lastCategory[monitor] != category { activity.transitions += 1 }
            lastCategory[monitor] = category
            byMonitor[monitor] = activity
        }
        return Array(byMonitor.values)
    }
}
