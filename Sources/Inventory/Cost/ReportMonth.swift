import CivilTime

/// A calendar month of the report, in UTC as Cost Explorer's days are. Its period is half-open: from the
/// first day to the first day of the next month, which for December is 1 January of the next year (the
/// 2023 script asked for the first to the last day, dropping the last day, and broke in December).
public struct ReportMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        // Bounded well inside the calendar so `next` and `previous` always exist.
        guard (1...12).contains(month), (1971...8999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// `2026-08`.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The last full month before `instant` (UTC): what a monthly report covers by default.
    public static func lastFull(before instant: Instant) -> ReportMonth {
        let today = LocalDateTime(localSecondsSinceEpoch: instant.epochSeconds).date
        return ReportMonth(year: today.year, month: today.month)!.previous
    }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    /// The first day of the next month: the exclusive end of this month's period.
    public var endDay: LocalDate { next.firstDay }
    public var start: Instant { Instant(epochSeconds: firstDay.daysSinceEpoch * 86_400) }
    public var end: Instant { Instant(epochSeconds: endDay.daysSinceEpoch * 86_400) }

    public var next: ReportMonth {
        month == 12 ? ReportMonth(year: year + 1, month: 1)! : ReportMonth(year: year, month: month + 1)!
    }

    public var previous: ReportMonth {
        month == 1 ? ReportMonth(year: year - 1, month: 12)! : ReportMonth(year: year, month: month - 1)!
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (lhs: ReportMonth, rhs: ReportMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
