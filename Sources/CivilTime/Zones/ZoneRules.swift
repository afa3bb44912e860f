/// A named time zone: its UTC offset at any instant and the conversions between instants and wall times.
/// Built without Foundation's `TimeZone`, whose named lookups link ICU into a static binary (SPEC §2).
/// Obtain one with `ZoneRules.named(_:)`, which says in `source` where its rules came from.
public struct ZoneRules: Sendable, Hashable, CustomStringConvertible {
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// A TZif file, with full history.
        case tzif(path: String)
        /// The built-in POSIX TZ string: current rules only, used when the image has no tzdata.
        case builtIn(posixTZ: String)
        case fixedOffset

        public var description: String {
            switch self {
            case .tzif(let path): return "tzdata file \(path)"
            case .builtIn(let rule): return "built-in rule \(rule)"
            case .fixedOffset: return "fixed offset"
            }
        }
    }

    enum Rules: Sendable, Hashable {
        case fixed(LocalTimeType)
        case posix(POSIXTimeZone)
        case table(TransitionTable)
    }

    /// As configured (`Asia/Seoul`), or normalised for fixed offsets (`UTC+09:00`).
    public let identifier: String
    public let source: Source
    let rules: Rules

    init(identifier: String, source: Source, rules: Rules) {
        self.identifier = identifier
        self.source = source
        self.rules = rules
    }

    public static let utc = ZoneRules.fixed(.zero)

    public static func fixed(_ offset: UTCOffset) -> ZoneRules {
        let name = "UTC" + offset.description
        return ZoneRules(
            identifier: name, source: .fixedOffset,
            rules: .fixed(LocalTimeType(offset: offset, abbreviation: name, isDaylightSaving: false)))
    }

    // MARK: Instants to wall time

    public func localTimeType(at instant: Instant) -> LocalTimeType {
        localTimeType(atEpochSeconds: instant.epochSeconds)
    }

    public func offset(at instant: Instant) -> UTCOffset { localTimeType(at: instant).offset }

    /// `KST`, `EDT`, `+09`: the short name for a time shown in a report.
    public func abbreviation(at instant: Instant) -> String { localTimeType(at: instant).abbreviation }

    /// `Asia/Seoul (UTC+09:00)`: how reports name the zone their times are in.
    public func displayName(at instant: Instant) -> String {
        if case .fixed = rules { return identifier }
        return "\(identifier) (UTC\(offset(at: instant)))"
    }

    public func localDateTime(at instant: Instant) -> LocalDateTime {
        let seconds = instant.epochSeconds
        return LocalDateTime(localSecondsSinceEpoch: seconds + Int64(localTimeType(atEpochSeconds: seconds).offset.seconds))
    }

    /// The local day an instant falls on: the day an alert is filed under (SPEC §5).
    public func localDate(at instant: Instant) -> LocalDate { localDateTime(at: instant).date }

    // MARK: Wall time to instants

    /// All readings of a wall time: one instant, a gap, or an overlap.
    public func resolve(_ local: LocalDateTime) -> LocalResolution {
        let wall = local.localSecondsSinceEpoch
        // Any instant showing this wall time lies within the largest possible offset of it.
        let reach: Int64 = 26 * 3600
        let changes = transitions(after: wall - reach, through: wall + reach)
        var type = localTimeType(atEpochSeconds: wall - reach)
        var intervalStart = Int64.min
        var matches: [Int64] = []
        for index in 0...changes.count {
            let intervalEnd = index < changes.count ? changes[index].at : .max
            let candidate = wall - Int64(type.offset.seconds)
            if candidate >= intervalStart && candidate < intervalEnd { matches.append(candidate) }
            if index < changes.count {
                type = changes[index].after
                intervalStart = intervalEnd
            }
        }
        if matches.count >= 2 {
            return .repeated(earlier: Instant(epochSeconds: matches[0]), later: Instant(epochSeconds: matches[matches.count - 1]))
        }
        if let only = matches.first { return .unique(Instant(epochSeconds: only)) }
        // No reading: a gap. The change whose wall-clock jump spans this time says how far to shift.
        let gap = changes.first {
            wall >= $0.at + Int64($0.before.offset.seconds) && wall < $0.at + Int64($0.after.offset.seconds)
        }
        let before = gap?.before.offset ?? localTimeType(atEpochSeconds: wall).offset
        let gapSeconds = gap.map { $0.after.offset.seconds - $0.before.offset.seconds } ?? 0
        return .skipped(shiftedForward: Instant(epochSeconds: wall - Int64(before.seconds)), gapSeconds: gapSeconds)
    }

    /// The instant of a wall time under the policy of `LocalResolution.preferredInstant`: a time in a DST
    /// gap shifts forward by the gap, a repeated time takes its earlier occurrence.
    public func instant(for local: LocalDateTime) -> Instant { resolve(local).preferredInstant }

    /// The first instant of a local day (01:00 where a DST change skips midnight).
    public func startOfDay(_ date: LocalDate) -> Instant {
        instant(for: LocalDateTime(date: date, time: .midnight))
    }

    public var description: String { "\(identifier) (\(source))" }

    // MARK: Rules

    func localTimeType(atEpochSeconds seconds: Int64) -> LocalTimeType {
        switch rules {
        case .fixed(let type): return type
        case .posix(let zone): return zone.localTimeType(atEpochSeconds: seconds)
        case .table(let table): return table.localTimeType(atEpochSeconds: seconds)
        }
    }

    package func transitions(after start: Int64, through end: Int64) -> [ZoneTransition] {
        switch rules {
        case .fixed: return []
        case .posix(let zone): return zone.transitions(after: start, through: end)
        case .table(let table): return table.transitions(after: start, through: end)
        }
    }
}
