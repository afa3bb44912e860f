/// A wall-clock date and time in some zone that is not part of the value: what a clock on the wall in
/// Seoul shows. Turning it into an instant needs a zone (`ZoneRules.instant(for:)`), and may be ambiguous
/// or impossible around DST changes (`ZoneRules.resolve(_:)`).
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let date: LocalDate
    public let time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Seconds since 1970-01-01T00:00 of the same wall clock, i.e. the wall time read as if it were UTC.
    /// Zone arithmetic works on this number: instant = local seconds − offset.
    public init(localSecondsSinceEpoch seconds: Int64) {
        let days = CivilCalendar.floorDivide(seconds, CivilCalendar.secondsPerDay)
        let secondOfDay = Int(seconds - days * CivilCalendar.secondsPerDay)
        self.init(date: LocalDate(daysSinceEpoch: days), time: LocalTime(secondOfDay: secondOfDay))
    }

    public var localSecondsSinceEpoch: Int64 {
        date.daysSinceEpoch * CivilCalendar.secondsPerDay + Int64(time.secondOfDay)
    }

    /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (also with a space for the `T`). An offset or `Z`
    /// is refused: that would be an instant, and silently dropping it would move the time.
    public init(parsing text: some StringProtocol) throws(TimeParseError) {
        self = try ASCIIScanner.parseEntire(text, as: .dateTime, expected: "YYYY-MM-DDTHH:MM[:SS] in local time, without an offset") { scanner in
            guard let date = LocalDate.read(from: &scanner), scanner.skip(0x54) || scanner.skip(0x20),
                  let time = LocalTime.read(from: &scanner)
            else { return nil }
            return LocalDateTime(date: date, time: time)
        }
    }

    /// Clock-face arithmetic, blind to DST: 01:30 plus an hour is 02:30 even where 02:30 does not exist.
    /// Elapsed time belongs on `Instant`.
    public func adding(seconds: Int64) -> LocalDateTime {
        LocalDateTime(localSecondsSinceEpoch: localSecondsSinceEpoch + seconds)
    }

    /// `YYYY-MM-DDTHH:MM`, or with `:SS` when the seconds are not zero.
    public var description: String { "\(date)T\(time)" }

    /// `YYYY-MM-DDTHH:MM`: the slot id form.
    public var minutePrecision: String { "\(date)T\(time.hourMinute)" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    public init(from decoder: any Decoder) throws {
        self = try LocalDateTime(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
