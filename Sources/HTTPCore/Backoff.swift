/// Exponential backoff with jitter: the ceiling doubles from `base` after each failure up to `cap`, and the
/// wait is drawn below it. The AWS SDKs' standard mode uses full jitter; clients of APIs that also say how
/// long to wait use equal jitter, so that retries never bunch at zero.
public struct Backoff: Sendable, Equatable {
    public enum Jitter: Sendable, Equatable {
        /// Anywhere in `[0, ceiling)`.
        case full
        /// At least half the ceiling: `[ceiling/2, ceiling)`.
        case equal
    }

    public var base: Duration
    public var cap: Duration
    public var jitter: Jitter

    public init(base: Duration, cap: Duration, jitter: Jitter) {
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// The wait after the `failures`-th failure (1-based); `random` is in `[0, 1)`.
    public func delay(afterFailure failures: Int, random: Double) -> Duration {
        let ceiling = min(cap, base * (1 << min(max(failures, 1) - 1, 30)))
        switch jitter {
        case .full: return ceiling * random
        case .equal: return ceiling / 2 + (ceiling / 2) * random
        }
    }
}
