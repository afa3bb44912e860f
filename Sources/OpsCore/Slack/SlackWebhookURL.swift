import HTTPCore

/// An incoming-webhook URL. Whoever holds it can post to the channel, so it is a secret: it never prints,
/// and errors about it never carry it.
public struct SlackWebhookURL: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    let value: String

    public init(_ value: String) throws(ConfigurationError) {
        guard SecureURL.isAcceptable(value), !value.contains(where: { $0 == " " || $0.isNewline }) else {
            throw ConfigurationError(
                variable: "OPS_SLACK_WEBHOOK_URL", value: nil, expected: "an https incoming-webhook URL (plain http only to this machine)")
        }
        self.value = value
    }

    public var description: String { "SlackWebhookURL(<redacted>)" }
    public var debugDescription: String { description }
}
