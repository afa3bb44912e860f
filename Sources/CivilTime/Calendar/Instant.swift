/// A point in time as epoch milliseconds, the unit of Datadog's `$DATE` and Lambda's deadlines.
///
/// Values are kept within years 0001–9999 UTC. A webhook can carry any 19-digit number as a date, and zone
/// arithmetic on `Int64.max` would trap; clamping at the edges keeps every conversion total. Callers that
/// must reject such values (to flag a garbled date) use `init?(exactly:)`.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let epochMilliseconds: Int64

    /// 0001-01-01T00:00:00.000Z.
    public static let earliestSupported: Int64 = -62_135_596_800_000
    /// 9999-12-31T23:59:59.999Z.
    public static let latestSupported: Int64 = 253_402_300_799_999

    public init(epochMilliseconds: Int64) {
        self.epochMilliseconds = min(max(epochMilliseconds, Self.earliestSupported), Self.latestSupported)
    }

    /// Nil outside years 0001–9999 UTC.
    public init?(exactly epochMilliseconds: Int64) {
        guard (Self.earliestSupported...Self.latestSupported).contains(epochMilliseconds) else { return nil }
        self.epochMilliseconds = epochMilliseconds
    }

    public init(epochSeconds: Int64) {
        // Checked first: multiplying a huge value by 1000 would overflow before the clamp could help.
        let bound = Self.latestSupported / 1000 + 1
        self.init(epochMilliseconds: min(max(epochSeconds, -bound), bound) * 1000)
    }

    /// Whole seconds, rounded towards the past (so 1969-12-31T23:59:59.5Z is second −1, not 0).
    public var epochSeconds: Int64 { CivilCalendar.floorDivide(epochMilliseconds, 1000) }

    public func adding(milliseconds: Int64) -> Instant {
        Instant(epochMilliseconds: epochMilliseconds.addingReportingOverflow(milliseconds).overflow
            ? (milliseconds > 0 ? Self.latestSupported : Self.earliestSupported)
            : epochMilliseconds + milliseconds)
    }

    public func adding(seconds: Int64) -> Instant {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return adding(milliseconds: overflow ? (seconds > 0 ? .max : .min) : product)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.epochMilliseconds < rhs.epochMilliseconds }

    public var description: String { iso8601() }
}
