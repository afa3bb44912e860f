/// A half-open span of instants `[start, end)`: a slot's alerts window, a local day so far. Half-open so
/// that consecutive windows share their boundary without counting an alert twice.
public struct TimeWindow: Sendable, Hashable, CustomStringConvertible {
    public let start: Instant
    public let end: Instant

    /// An `end` before `start` gives the empty window at `end`.
    public init(start: Instant, end: Instant) {
        self.start = min(start, end)
        self.end = end
    }

    public func contains(_ instant: Instant) -> Bool { start <= instant && instant < end }

    public var durationMilliseconds: Int64 { end.epochMilliseconds - start.epochMilliseconds }

    public var description: String { "[\(start.iso8601()), \(end.iso8601()))" }
}
