/// A wall-clock time of day to the second, with no date or zone: a check slot (`09:00`) or the time part of
/// a local date-time. Sub-second precision is deliberately absent: wall times here name days, slots and
/// display values, never instants.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.init(unchecked: hour, minute, second)
    }

    init(unchecked hour: Int, _ minute: Int, _ second: Int) {
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Wraps around midnight, so a day's worth of seconds either way lands on the same time.
    public init(secondOfDay: Int) {
        let wrapped = ((secondOfDay % 86_400) + 86_400) % 86_400
        self.init(unchecked: wrapped / 3600, wrapped / 60 % 60, wrapped % 60)
    }

    public static let midnight = LocalTime(unchecked: 0, 0, 0)

    /// Reads `HH:MM` or `HH:MM:SS`, two digits each, 24-hour clock.
    public init(parsing text: some StringProtocol) throws(TimeParseError) {
        self = try ASCIIScanner.parseEntire(text, as: .time, expected: "HH:MM or HH:MM:SS (24-hour clock)") { Self.read(from: &$0) }
    }

    static func read(from scanner: inout ASCIIScanner, requireSeconds: Bool = false) -> LocalTime? {
        guard let hour = scanner.digits(2), scanner.skip(0x3A), let minute = scanner.digits(2) else { return nil }
        var second = 0
        if scanner.skip(0x3A) {
            guard let value = scanner.digits(2) else { return nil }
            second = value
        } else if requireSeconds {
            return nil
        }
        return LocalTime(hour: hour, minute: minute, second: second)
    }

    public var secondOfDay: Int { hour * 3600 + minute * 60 + second }

    /// `HH:MM`, the form of slot times and slot ids.
    public var hourMinute: String {
        DecimalText.padded(hour, width: 2) + ":" + DecimalText.padded(minute, width: 2)
    }

    /// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
    public var description: String {
        second == 0 ? hourMinute : hourMinute + ":" + DecimalText.padded(second, width: 2)
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.secondOfDay < rhs.secondOfDay }

    public init(from decoder: any Decoder) throws {
        self = try LocalTime(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
