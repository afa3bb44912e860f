import CivilTime

/// Wall-clock time in epoch milliseconds: the unit of the Runtime API's `Lambda-Runtime-Deadline-Ms`.
public struct EpochMilliseconds: Sendable, Hashable, Comparable {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static var now: EpochMilliseconds { EpochMilliseconds(Instant.now().epochMilliseconds) }

    public static func < (lhs: EpochMilliseconds, rhs: EpochMilliseconds) -> Bool { lhs.value < rhs.value }
}
