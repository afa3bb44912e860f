/// A date and time of day with no zone, to the second: what a cell shows. An instant becomes one in
/// UTC (`init(epochSeconds:)`); a caller that wants operators' local time converts first.
/// Accepted from 1900-03-01 00:00:00 to 9999-12-31 23:59:59: Excel has no later dates, and for earlier
/// ones Excel and LibreOffice read the same serial number as different days (Excel counts a 29 February
/// 1900 that never was).
public struct CivilDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) throws(WorkbookError) {
        let text = CivilDateTime.text(year, month, day, hour, minute, second, separator: " ")
        guard (1900...9999).contains(year), (1...12).contains(month), year > 1900 || month >= 3,
            (1...CivilDateTime.daysIn(month: month, year: year)).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...59).contains(second)
        else { throw .invalidDateTime(text) }
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The UTC date-time of a Unix time.
    public init(epochSeconds: Int64) throws(WorkbookError) {
        let (days, secondOfDay) = epochSeconds.quotientAndRemainder(dividingBy: 86_400)
        // Floor division: the remainder of a time before 1970 is negative.
        let (wholeDays, seconds) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
        guard (CivilDateTime.minimumDay...CivilDateTime.maximumDay).contains(wholeDays) else {
            throw .invalidDateTime("epoch \(epochSeconds)")
        }
        let (year, month, day) = CivilDateTime.civil(fromDays: Int(wholeDays))
        let second = Int(seconds)
        try self.init(year: year, month: month, day: day, hour: second / 3600, minute: second / 60 % 60, second: second % 60)
    }

    /// `2024-05-01 09:30:00`: how a CSV carries it (Excel's import reads it as a date-time).
    public var description: String { CivilDateTime.text(year, month, day, hour, minute, second, separator: " ") }

    /// `2024-05-01T09:30:00Z`: W3CDTF, as the document properties want it.
    var w3cUTC: String { CivilDateTime.text(year, month, day, hour, minute, second, separator: "T") + "Z" }

    /// The serial number Excel stores for it: days since 1899-12-30 (1900-03-01 is 61) with the time as
    /// a fraction, written as exact decimal text.
    var excelSerial: String {
        let serial = CivilDateTime.days(year: year, month: month, day: day) + 25_569
        let seconds = hour * 3600 + minute * 60 + second
        guard seconds > 0 else { return String(serial) }
        // Ten decimals (about 9 microseconds), rounded half up: more than any reader shows, and exact
        // enough that every reader rounds it back to the same second.
        let fraction = (seconds * 10_000_000_000 + 43_200) / 86_400
        var digits = String(fraction)
        digits = String(repeating: "0", count: 10 - digits.utf8.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return String(serial) + "." + digits
    }

    public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    private static let minimumDay: Int64 = -25_508  // 1900-03-01
    private static let maximumDay: Int64 = 2_932_896  // 9999-12-31

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(year:month:day:)` (`civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func text(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, separator: String) -> String
    {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.utf8.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + separator + padded(hour, 2) + ":"
            + padded(minute, 2) + ":" + padded(second, 2)
    }
}
