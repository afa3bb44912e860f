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
