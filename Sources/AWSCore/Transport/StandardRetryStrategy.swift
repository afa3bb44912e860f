import HTTPCore

/// The SDKs' "standard" retry mode: at most three attempts, full-jitter exponential backoff capped at
/// 20 s (`random[0,1) × min(20 s, 2^(attempt-1) s)`), and a retry quota shared across requests.
public struct StandardRetryStrategy: Sendable {
    public let maxAttempts: Int
    public let backoff: Backoff
    public let quota: RetryQuota
    private let sleeper: any RetrySleeper
    private let random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 3,
        maxBackoff: Duration = .seconds(20),
        quota: RetryQuota = RetryQuota(),
        sleeper: any RetrySleeper = TaskSleeper(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = maxAttempts
        backoff = Backoff(base: .seconds(1), cap: maxBackoff, jitter: .full)
        self.quota = quota
        self.sleeper = sleeper
        self.random = random
    }

    /// Runs `operation` (given the 1-based attempt number) until it succeeds, fails for good, runs out of
    /// attempts, the quota refuses a retry or the wait would pass the `RetryDeadline`; the last error is what
    /// the caller sees. A deadline already passed before the first attempt is `RetryDeadlineExceeded`.
    public func run<Value: Sendable>(_ operation: @Sendable (_ attempt: Int) async throws -> Value) async throws -> Value {
        guard RetryDeadline.allowsWaiting(.zero, at: now) else { throw RetryDeadlineExceeded() }
        var attempt = 1
        var lastCost = 0
        while true {
            do {
                let value = try await operation(attempt)
                quota.release(lastCost > 0 ? lastCost : RetryQuota.noRetryIncrement)
                return value
            } catch {
                let delay = backoff.delay(afterFailure: attempt, random: random())
                guard attempt < maxAttempts, let reason = RetryClassifier.reason(toRetry: error),
                    RetryDeadline.allowsWaiting(delay, at: now), quota.acquire(reason.cost)
                else { throw error }
                lastCost = reason.cost
                try await sleeper.sleep(for: delay)
                attempt += 1
            }
        }
    }

    /// The time retry deadlines are measured on (the sleeper's, so tests can advance it).
    public var now: ContinuousClock.Instant { sleeper.now }
}
