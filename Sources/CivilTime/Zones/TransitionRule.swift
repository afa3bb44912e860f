/// When a POSIX TZ rule switches between standard and daylight time in a given year: a day (`Jn`, `n` or
/// `Mm.w.d`) plus a local time on that day. The time may be negative or exceed 24 h (RFC 8536 §3.3.1, used
/// by footers such as Greenland's `M3.5.0/-2`), so it is kept as seconds rather than a `LocalTime`.
struct TransitionRule: Sendable, Hashable {
    enum Day: Sendable, Hashable {
        /// `Jn`: 1…365, 29 February is never counted, so `J60` is always 1 March.
        case julianIgnoringLeapDay(Int)
        /// `n`: 0…365, counting 29 February in leap years.
        case zeroBasedDayOfYear(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1…5, 5 = the last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    let day: Day
    /// Local wall-clock seconds after midnight of that day; 02:00 when the rule gives no time.
    let time: Int

    /// The wall time of the switch in `year`, as local seconds since 1970-01-01T00:00.
    func localSeconds(inYear year: Int) -> Int64 {
        dayNumber(inYear: year) * CivilCalendar.secondsPerDay + Int64(time)
    }

    private func dayNumber(inYear year: Int) -> Int64 {
        let newYear = CivilCalendar.daysSinceEpoch(year: year, month: 1, day: 1)
        switch day {
        case .julianIgnoringLeapDay(let n):
            let skipsLeapDay = CivilCalendar.isLeapYear(year) && n >= 60
            return newYear + Int64(n - 1) + (skipsLeapDay ? 1 : 0)
        case .zeroBasedDayOfYear(let n):
            return newYear + Int64(n)
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilCalendar.daysSinceEpoch(year: year, month: month, day: 1)
            let firstMatch = first + Int64((weekday - CivilCalendar.weekday(daysSinceEpoch: first) + 7) % 7)
            var result = firstMatch + Int64(7 * (week - 1))
            // Week 5 means "the last", which is the fourth in months where a fifth does not exist.
            let monthEnd = first + Int64(CivilCalendar.daysInMonth(year: year, month: month))
            while result >= monthEnd { result -= 7 }
            return result
        }
    }
}
