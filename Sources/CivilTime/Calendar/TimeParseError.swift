/// A date, time, offset or instant that could not be read. It quotes the text (shortened, since it may
/// come from a hostile event) and says what was expected, so the log line alone explains the rejection.
public struct TimeParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case date = "local date"
        case time = "local time"
        case dateTime = "local date-time"
        case instant = "ISO 8601 instant"
        case utcOffset = "UTC offset"
    }

    public let kind: Kind
    public let text: String
    public let expected: String

    init(_ kind: Kind, _ text: some StringProtocol, expected: String) {
        self.kind = kind
        self.text = Self.quotable(text)
        self.expected = expected
    }

    public var description: String {
        "invalid \(kind.rawValue) \"\(text)\": expected \(expected)"
    }

    /// Error messages end up in logs and Slack; a multi-megabyte value must not.
    package static func quotable(_ text: some StringProtocol, limit: Int = 64) -> String {
        text.count <= limit ? String(text) : String(text.prefix(limit)) + "…"
    }
}
