#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock time in epoch milliseconds: the unit of the Runtime API's `Lambda-Runtime-Deadline-Ms`.
public struct EpochMilliseconds: Sendable, Hashable, Comparable {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static var now: EpochMilliseconds {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return EpochMilliseconds(Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public static func < (lhs: EpochMilliseconds, rhs: EpochMilliseconds) -> Bool { lhs.value < rhs.value }
}
