/// A change of local time type at one instant (whole epoch seconds), with the types on either side:
/// what turning a wall time into an instant needs to see gaps and overlaps.
package struct ZoneTransition: Sendable, Hashable {
    package let at: Int64
    package let before: LocalTimeType
    package let after: LocalTimeType
}
