/// How hard a client tries. Datadog and Slack both say how long to wait after a 429 (`X-RateLimit-Reset`,
/// `Retry-After`), so that wait is honoured, capped because a Lambda has minutes, not hours; 5xx and lost
/// connections back off with jitter.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var backoff: Backoff
    /// Longest wait for a rate-limit window, whatever `X-RateLimit-Reset` says.
    public var maxRateLimitWait: Duration
    /// A 429 storm is survivable, so rate-limited attempts are counted apart from failures.
    public var maxRateLimitedAttempts: Int
    public var timeout: Duration
    public var sleeper: any RetrySleeper
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 4,
        baseBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8),
        maxRateLimitWait: Duration = .seconds(60),
        maxRateLimitedAttempts: Int = 20,
        timeout: Duration = .seconds(20),
        sleeper: any RetrySleeper = TaskSleeper(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = maxAttempts
        backoff = Backoff(base: baseBackoff, cap: maxBackoff, jitter: .equal)
        self.maxRateLimitWait = maxRateLimitWait
        self.maxRateLimitedAttempts = maxRateLimitedAttempts
        self.timeout = timeout
        self.sleeper = sleeper
        self.random = random
    }

    /// Both headers give whole seconds; missing or unreadable means one second.
    func rateLimitWait(header: String?) -> Duration {
        let seconds = header.flatMap { Int($0.trimmedWhitespace) } ?? 1
        return min(maxRateLimitWait, .seconds(max(seconds, 1)))
    }
}
