/// A zone described by a POSIX TZ string (`EST5EDT,M3.2.0,M11.1.0`): one standard time and optionally one
/// daylight time with a yearly rule. It models a zone's *current* rules only; history comes from TZif files.
/// It serves both the built-in table (Lambda's image may ship no tzdata) and the footer of TZif files,
/// which covers instants after their last listed transition.
struct POSIXTimeZone: Sendable, Hashable {
    struct Daylight: Sendable, Hashable {
        let type: LocalTimeType
        /// In standard local time.
        let start: TransitionRule
        /// In daylight local time.
        let end: TransitionRule
    }

    let standard: LocalTimeType
    let daylight: Daylight?

    func localTimeType(atEpochSeconds seconds: Int64) -> LocalTimeType {
        guard daylight != nil else { return standard }
        let year = Self.year(ofEpochSeconds: seconds)
        // Two years back: with rule times up to 167 h, last year's switches can fall after this new year.
        return switches(years: (year - 2)...(year + 1)).last { $0.at <= seconds }?.to ?? standard
    }

    /// Changes of type in `(start, end]`.
    func transitions(after start: Int64, through end: Int64) -> [ZoneTransition] {
        guard daylight != nil, start < end else { return [] }
        let years = (Self.year(ofEpochSeconds: start) - 1)...(Self.year(ofEpochSeconds: end) + 1)
        var result: [ZoneTransition] = []
        var previous = localTimeType(atEpochSeconds: start)
        for change in switches(years: years) where change.at > start && change.at <= end && change.to != previous {
            result.append(ZoneTransition(at: change.at, before: previous, after: change.to))
            previous = change.to
        }
        return result
    }

    /// The UTC instants at which the zone enters each type during `years`, in time order.
    private func switches(years: ClosedRange<Int>) -> [(at: Int64, to: LocalTimeType)] {
        guard let daylight else { return [] }
        var result: [(at: Int64, to: LocalTimeType, order: Int)] = []
        for year in years {
            let start = daylight.start.localSeconds(inYear: year) - Int64(standard.offset.seconds)
            let end = daylight.end.localSeconds(inYear: year) - Int64(daylight.type.offset.seconds)
            result.append((start, daylight.type, 1))
            // On a tie the end sorts first, so a rule ending one year's DST exactly when the next begins
            // (RFC 8536's all-year DST) leaves DST in force.
            result.append((end, standard, 0))
        }
        result.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        return result.map { ($0.at, $0.to) }
    }

    private static func year(ofEpochSeconds seconds: Int64) -> Int {
        CivilCalendar.civilDate(daysSinceEpoch: CivilCalendar.floorDivide(seconds, CivilCalendar.secondsPerDay)).year
    }
}
