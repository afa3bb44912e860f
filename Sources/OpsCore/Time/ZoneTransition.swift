/// A change of local time type at one instant (whole epoch seconds), with the types on either side:
/// what turning a wall time into an instant needs to see gaps and overlaps.
struct ZoneTransition: Sendable, Hashable {
    let at: Int64
    let before: LocalTimeType
    let after: LocalTimeType
}
