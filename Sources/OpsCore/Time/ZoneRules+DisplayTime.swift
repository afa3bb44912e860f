extension ZoneRules {
    /// `2026-11-25 09:00 KST`: a time as messages and reports show it (the zone's full name goes once in
    /// the header, via `displayName`).
    public func displayTime(_ instant: Instant) -> String {
        let local = localDateTime(at: instant)
        return "\(local.date) \(local.time.hourMinute) \(abbreviation(at: instant))"
    }
}
