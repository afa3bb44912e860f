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
