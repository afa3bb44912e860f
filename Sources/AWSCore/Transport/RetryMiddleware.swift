import HTTPCore

/// Re-runs everything below it (so each attempt is signed afresh) under the standard retry mode, each attempt
/// given at most the time left before the `RetryDeadline`.
public struct RetryMiddleware: AWSMiddleware {
    public let strategy: StandardRetryStrategy

    public init(strategy: StandardRetryStrategy) {
        self.strategy = strategy
    }

    public func handle(_ request: AWSRequest, context: AWSRequestContext, next: AWSRequestHandler) async throws -> HTTPResponse {
        try await strategy.run { attempt in
            var context = context
            context.attempt = attempt
            if attempt > 1 { context.logger.debug("retrying", metadata: ["operation": "\(context.operation)", "attempt": "\(attempt)"]) }
            var request = request
            request.timeout = RetryDeadline.timeout(request.timeout, at: strategy.now)
            return try await next(request, context)
        }
    }
}
