/// An incoming-webhook URL. Whoever holds it can post to the channel, so it is a secret: it never prints,
/// and errors about it never carry it.
public struct SlackWebhookURL: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    let value: String

    public init(_ value: String) throws(ConfigurationError) {
        guard value.hasPrefix("https://") || value.hasPrefix("http://"), !value.contains(" "), value.count > "https://".count else {
            throw ConfigurationError(variable: "OPS_SLACK_WEBHOOK_URL", value: nil, expected: "an http(s) incoming-webhook URL")
        }
        self.value = value
    }

    public var description: String { "SlackWebhookURL(<redacted>)" }
    public var debugDescription: String { description }
}
