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
