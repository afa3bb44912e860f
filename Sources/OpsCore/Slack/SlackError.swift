/// Why a Slack post did not arrive. Slack's own reason codes (`invalid_token`, `channel_is_archived`) are
/// kept; the webhook URL is not, in any case.
public enum SlackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Slack refused the post (4xx other than rate limiting), or still failed after every retry.
    case rejected(status: Int, reason: String)
    /// No answer after every attempt.
    case unreachable(reason: String)

    public var description: String {
        switch self {
        case .rejected(let status, let reason): "Slack webhook answered \(status): \(reason)"
        case .unreachable(let reason): "Slack webhook unreachable: \(reason)"
        }
    }
}
