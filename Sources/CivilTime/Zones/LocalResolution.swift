/// What a wall time means in a zone: one instant, none (skipped by a DST gap), or two (repeated in an
/// overlap). `ZoneRules.instant(for:)` picks one by the documented policy; callers that care look here.
public enum LocalResolution: Sendable, Hashable {
    case unique(Instant)
    /// The wall time does not exist. `shiftedForward` reads it with the offset from before the gap, which
    /// moves it later by the gap's length (02:30 on a spring-forward night becomes 03:30), as java.time,
    /// Python's `fold=0` and most schedulers do.
    case skipped(shiftedForward: Instant, gapSeconds: Int)
    /// The wall time happens twice; `earlier` is in the type before the change (e.g. 01:30 EDT, then EST).
    case repeated(earlier: Instant, later: Instant)

    /// The policy: a skipped time shifts forward, a repeated one takes the earlier instant, so that a slot in
    /// an overlap runs on its first occurrence and a slot in a gap still runs, late, on that day.
    public var preferredInstant: Instant {
        switch self {
        case .unique(let instant): return instant
        case .skipped(let shifted, _): return shifted
        case .repeated(let earlier, _): return earlier
        }
    }
}
