/// One Datadog webhook notification as stored in the alerts table (SPEC §5): every field of the payload,
/// typed, plus what the collector knows (receive time, flags, the raw body).
///
/// Layout: `pk = EVENT#<event id>`, `sk = ALERT` — one conditional put stores a redelivered event once —
/// and the `by_day` index (`day`, `at`) for "a local day in time order" and "a time window" with Query.
public struct Alert: Codable, Sendable, Equatable {
    public var pk: String
    public var sk: String
    /// Local calendar day of the event in the configured zone, `YYYY-MM-DD`.
    public var day: String
    /// `<epoch ms, 13 digits>#<event id>`: sorts by time, unique per event.
    public var at: String
    public var eventID: String
    public var monitorID: String?
    public var cycleKey: String?
    public var aggregationKey: String?
    /// The normalised transition (`AlertTransition.name`) and Datadog's own words for it.
    public var transition: String
    public var transitionRaw: String?
    public var alertType: String?
    /// 1…5, or nil when the monitor has none.
    public var priority: Int?
    public var priorityRaw: String?
    public var title: String?
    public var eventTitle: String?
    public var status: String?
    public var scope: String?
    public var metric: String?
    public var query: String?
    public var eventType: String?
    /// `$DATE`, or the receive time when `$DATE` was missing or garbled (then flagged).
    public var eventTime: Int64
    public var lastUpdated: Int64?
    public var hostname: String?
    public var tags: [String]
    public var link: String?
    public var orgID: String?
    public var orgName: String?
    public var message: String?
    public var receivedAt: Int64
    /// The body exactly as received: the source of truth if parsing ever needs to be redone. Nil when the
    /// item was read without it (the digest leaves bodies in the table to stay within its memory).
    public var rawBody: String?
    public var flags: [String]
    /// `[TEST]` notifications are stored but kept out of statistics.
    public var isTest: Bool
    /// DynamoDB TTL, epoch seconds.
    public var expiresAt: Int64

    enum CodingKeys: String, CodingKey {
        case pk, sk, day, at
        case eventID = "event_id"
        case monitorID = "monitor_id"
        case cycleKey = "alert_cycle_key"
        case aggregationKey = "aggregation_key"
        case transition
        case transitionRaw = "transition_raw"
        case alertType = "alert_type"
        case priority
        case priorityRaw = "priority_raw"
        case title = "alert_title"
        case eventTitle = "event_title"
        case status = "alert_status"
        case scope, metric, query
        case eventType = "event_type"
        case eventTime = "event_time"
        case lastUpdated = "last_updated"
        case hostname, tags, link
        case orgID = "org_id"
        case orgName = "org_name"
        case message = "text_only_msg"
        case receivedAt = "received_at"
        case rawBody = "raw_body"
        case flags
        case isTest = "is_test"
        case expiresAt = "expires_at"
    }

    public var parsedTransition: AlertTransition { AlertTransition(raw: transitionRaw ?? transition) }
}
