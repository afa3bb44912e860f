/// Sends one request until the answer is final. The caller says what an answer means; this decides how
/// long to wait and when to stop.
public struct RetryingSender: Sendable {
    public enum Verdict: Sendable {
        case final
        /// Wait the seconds in this header value (nil: the header was absent), then try again.
        case rateLimited(waitHeader: String?)
        case retry
    }

    public let policy: RetryPolicy

    public init(policy: RetryPolicy) {
        self.policy = policy
    }

    /// The first final answer, or the last retryable one once attempts or the `RetryDeadline` run out; the
    /// last transport error when no answer came. Cancellation while waiting is rethrown; a deadline already
    /// passed before the first attempt is `RetryDeadlineExceeded`.
    public func send(
        _ request: HTTPRequest, over transport: any HTTPTransport, verdict: (HTTPResponse) -> Verdict
    ) async throws -> HTTPResponse {
        guard RetryDeadline.allowsWaiting(.zero, at: policy.sleeper.now) else { throw RetryDeadlineExceeded() }
        var failures = 0
        var rateLimited = 0
        var attempt = request
        while true {
            attempt.timeout = RetryDeadline.timeout(request.timeout, at: policy.sleeper.now)
            let wait: Duration
            do {
                let response = try await transport.send(attempt)
                switch verdict(response) {
                case .final:
                    return response
                case .rateLimited(let header):
                    rateLimited += 1
                    wait = policy.rateLimitWait(header: header)
                    guard rateLimited < policy.maxRateLimitedAttempts, RetryDeadline.allowsWaiting(wait, at: policy.sleeper.now) else {
                        return response
                    }
                case .retry:
                    failures += 1
                    wait = policy.backoff.delay(afterFailure: failures, random: policy.random())
                    guard failures < policy.maxAttempts, RetryDeadline.allowsWaiting(wait, at: policy.sleeper.now) else { return response }
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failures += 1
                wait = policy.backoff.delay(afterFailure: failures, random: policy.random())
                guard failures < policy.maxAttempts, RetryDeadline.allowsWaiting(wait, at: policy.sleeper.now) else { throw error }
            }
            try await policy.sleeper.sleep(for: wait)
        }
    }
}
