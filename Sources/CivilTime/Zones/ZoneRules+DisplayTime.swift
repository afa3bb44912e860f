extension ZoneRules {
    /// `2026-11-25 09:00 KST`: a time as messages and reports show it (the zone's full name goes once in
    /// the header, via `displayName`).
    public func displayTime(_ instant: Instant) -> String {
        let local = localDateTime(at: instant)
        return "\(local.date) \(local.time.hourMinute) \(abbreviation(at: instant))"
    }

    /// A span said as briefly as stays exact: one time when both ends fall in the same minute (a check
    /// takes seconds; "09:00 – 09:00" reads like a mistake), `2026-11-25 09:00 – 09:02 KST` within a day
    /// and one abbreviation, both ends in full across midnight or a daylight-saving change.
    public func displaySpan(from start: Instant, to end: Instant) -> String {
        let first = localDateTime(at: start), last = localDateTime(at: end)
        let abbreviation = abbreviation(at: start)
        guard first.date == last.date, abbreviation == self.abbreviation(at: end) else {
            return displayTime(start) + " – " + displayTime(end)
        }
        if first.time.hourMinute == last.time.hourMinute { return displayTime(start) }
        return "\(first.date) \(first.time.hourMinute) – \(last.time.hourMinute) \(abbreviation)"
    }
}
