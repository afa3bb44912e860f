/// When every retry loop must have given up: a Lambda invocation's deadline minus what the caller still
/// needs afterwards (to store and post what it has). Set around a piece of work with `bounding(by:)`; the
/// retry loops of HTTPCore and AWSCore read it, never wait past it, and shorten a request's timeout to it.
/// A task-local, so concurrent child tasks (the monitor reads of a check) inherit it.
public enum RetryDeadline {
    @TaskLocal public static var current: ContinuousClock.Instant?

    /// The shortest an attempt is given: starting one with less time left only produces a timeout.
    public static let minimumAttempt: Duration = .seconds(1)

    /// Runs `operation` with retries bounded by `deadline`, or by an earlier one already in force.
    public static func bounding<Value>(
        by deadline: ContinuousClock.Instant, _ operation: () async throws -> Value
    ) async rethrows -> Value {
        try await $current.withValue(current.map { min($0, deadline) } ?? deadline, operation: operation)
    }

    /// Time left before the deadline in force; nil when none is.
    public static func remaining(at now: ContinuousClock.Instant) -> Duration? {
        current.map { now.duration(to: $0) }
    }

    /// Whether waiting `wait` still leaves an attempt its minimum time.
    public static func allowsWaiting(_ wait: Duration, at now: ContinuousClock.Instant) -> Bool {
        guard let remaining = remaining(at: now) else { return true }
        return wait + minimumAttempt <= remaining
    }

    /// `timeout`, shortened to the time left (an attempt whose answer would come too late is no use).
    public static func timeout(_ timeout: Duration, at now: ContinuousClock.Instant) -> Duration {
        guard let remaining = remaining(at: now) else { return timeout }
        return max(.milliseconds(1), min(timeout, remaining))
    }
}

/// The deadline in force had passed before a first attempt could be made.
public struct RetryDeadlineExceeded: Error, Sendable, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "not attempted: the invocation's time for retries had run out" }
}
