import HTTPCore

/// The rest of the pipeline below a middleware.
public typealias AWSRequestHandler = @Sendable (AWSRequest, AWSRequestContext) async throws -> HTTPResponse

/// One step of the request pipeline (retry, signing, error decoding): it may change the request, call
/// the rest of the pipeline any number of times, and inspect or replace the answer.
public protocol AWSMiddleware: Sendable {
    func handle(_ request: AWSRequest, context: AWSRequestContext, next: AWSRequestHandler) async throws -> HTTPResponse
}
