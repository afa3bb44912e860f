/// What the webhook says back: enough for whoever reads Datadog's webhook log to know what happened.
public struct WebhookReply: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Stored now.
        case stored
        /// Stored by an earlier delivery of the same `$ID`.
        case duplicate
        /// Refused for good (4xx): Datadog does not retry it.
        case rejected
        /// Not stored this time (5xx): Datadog retries.
        case error
    }

    public var status: Status
    public var reason: String?
    public var id: String?
    public var flags: [String]?

    public init(status: Status, reason: String? = nil, id: String? = nil, flags: [String]? = nil) {
        self.status = status
        self.reason = reason
        self.id = id
        self.flags = flags
    }
}
