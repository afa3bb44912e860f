/// A calendar day with no zone attached: the "local day" that alerts are filed under (SPEC §5).
/// Text form `YYYY-MM-DD`, which also sorts correctly as a string for years 0000–9999.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the day does not exist (month 13, 30 February, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else {
            return nil
        }
        self.init(unchecked: year, month, day)
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(daysSinceEpoch: Int64) {
        let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: daysSinceEpoch)
        self.init(unchecked: year, month, day)
    }

    /// Reads `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    public init(parsing text: some StringProtocol) throws(TimeParseError) {
        self = try ASCIIScanner.parseEntire(text, as: .date, expected: "YYYY-MM-DD, a real calendar day") { Self.read(from: &$0) }
    }

    /// Reads `YYYY-MM-DD` at the scanner's position; shared by the date-time and instant parsers.
    static func read(from scanner: inout ASCIIScanner) -> LocalDate? {
        guard let year = scanner.digits(4), scanner.skip(0x2D),
              let month = scanner.digits(2), scanner.skip(0x2D),
              let day = scanner.digits(2)
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    public var daysSinceEpoch: Int64 {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + Int64(days))
    }

    public var next: LocalDate { adding(days: 1) }
    public var previous: LocalDate { adding(days: -1) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { CivilCalendar.weekday(daysSinceEpoch: daysSinceEpoch) }

    public var description: String {
        var out = ""
        out.reserveCapacity(10)
        DecimalText.append(year, width: 4, to: &out)
        out += "-"
        DecimalText.append(month, width: 2, to: &out)
        out += "-"
        DecimalText.append(day, width: 2, to: &out)
        return out
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        self = try LocalDate(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
