import HTTPCore

/// Turns every non-2xx answer into a thrown `AWSServiceError`, so the steps above it (retry) and the
/// service clients only ever see successes as values.
public struct ErrorDecodingMiddleware: AWSMiddleware {
    public init() {}

    public func handle(_ request: AWSRequest, context: AWSRequestContext, next: AWSRequestHandler) async throws -> HTTPResponse {
        let response = try await next(request, context)
        guard response.isSuccess else {
            let error = ErrorResponseDecoder.decode(
                status: response.status, headers: response.headers, body: response.body, operation: context.operation)
            context.logger.debug(
                "AWS error",
                metadata: [
                    "operation": "\(context.operation)", "status": "\(error.status)", "code": "\(error.code)",
                    "request_id": "\(error.requestID ?? "-")", "attempt": "\(context.attempt)",
                ])
            throw error
        }
        return response
    }
}
