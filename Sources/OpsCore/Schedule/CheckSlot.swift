import CivilTime

/// One occurrence of a daily check: a configured time on a local day, and the instant that is in the
/// zone. Its `id` names the run in storage and messages, so a retried or delayed run reuses it.
public struct CheckSlot: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let local: LocalDateTime
    /// When the slot happens (for a slot time in a DST gap, shifted forward; in an overlap, the first).
    public let instant: Instant

    public var date: LocalDate { local.date }
    public var time: LocalTime { local.time }

    /// `2026-11-25T09:00`, local wall time: stable, readable, and sorting as text sorts the slots.
    public var id: String { local.minutePrecision }

    public static func < (lhs: CheckSlot, rhs: CheckSlot) -> Bool { lhs.local < rhs.local }

    public var description: String { id }
}
