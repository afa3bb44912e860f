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

    /// The first final answer, or the last retryable one once attempts run out; the last transport error
    /// when no answer came. Cancellation while waiting is rethrown.
    public func send(
        _ request: HTTPRequest, over transport: any HTTPTransport, verdict: (HTTPResponse) -> Verdict
    ) async throws -> HTTPResponse {
        var failures = 0
        var rateLimited = 0
        while true {
            let wait: Duration
            do {
                let response = try await transport.send(request)
                switch verdict(response) {
                case .final:
                    return response
                case .rateLimited(let header):
                    rateLimited += 1
                    guard rateLimited < policy.maxRateLimitedAttempts else { return response }
                    wait = policy.rateLimitWait(header: header)
                case .retry:
                    failures += 1
                    guard failures < policy.maxAttempts else { return response }
                    wait = policy.backoff.delay(afterFailure: failures, random: policy.random())
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failures += 1
                guard failures < policy.maxAttempts else { throw error }
                wait = policy.backoff.delay(afterFailure: failures, random: policy.random())
            }
            try await policy.sleeper.sleep(for: wait)
        }
    }
}
