#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import NIOCore
import NIOHTTP1

/// The invocation loop: `/next`, run the handler, report its response or error, repeat.
struct RuntimeLoop {
    let handler: any LambdaRawHandler
    let logger: Logger

    /// Returns only by throwing: a `/next` that does not answer 200, a 5xx on a report, or a lost connection
    /// all mean the control plane is gone and the process must end.
    func run(connection: inout RuntimeAPIConnection) async throws {
        while true {
            let next = try await connection.send(.next)
            guard next.status == .ok else {
                throw RuntimeError.unexpectedStatus(request: "GET /invocation/next", status: Int(next.status.code), body: next.bodyText)
            }
            let metadata = try InvocationMetadata(headers: next.headers)
            try await serve(metadata: metadata, event: next.body, connection: &connection)
        }
    }

    private func serve(
        metadata: InvocationMetadata,
        event: ByteBuffer,
        connection: inout RuntimeAPIConnection
    ) async throws {
        exportTraceID(metadata.traceID)
        let context = LambdaContext(metadata: metadata, logger: logger)
        let outcome: Result<ByteBuffer?, any Error> = await InvocationLogContext.$requestID.withValue(metadata.requestID) {
            do {
                return .success(try await handler.handle(event, context: context))
            } catch {
                return .failure(error)
            }
        }
        let request: ControlPlaneRequest
        switch outcome {
        case .success(let body):
            request = .invocationResponse(requestID: metadata.requestID, body: body)
        case .failure(let error):
            let report = FunctionError(describing: error)
            log(metadata.requestID, .error, "invocation failed: \(report.errorType): \(report.errorMessage)")
            request = .invocationError(requestID: metadata.requestID, report)
        }
        let answer = try await connection.send(request)
        try check(answer, for: request, requestID: metadata.requestID)
    }

    /// A 413 or 400 ends this invocation only (Lambda has already failed it); a 5xx means the Runtime API is
    /// in a state it cannot recover from.
    private func check(_ answer: ControlPlaneResponse, for request: ControlPlaneRequest, requestID: String) throws {
        switch answer.status {
        case .accepted:
            return
        case .payloadTooLarge:
            log(requestID, .error, "response rejected as too large (over 6 MB): \(answer.bodyText)")
        case _ where answer.status.code >= 500:
            throw RuntimeError.unexpectedStatus(request: "POST \(request.path)", status: Int(answer.status.code), body: answer.bodyText)
        default:
            log(requestID, .error, "the Runtime API answered POST \(request.path) with HTTP \(answer.status.code): \(answer.bodyText)")
        }
    }

    private func log(_ requestID: String, _ level: Logger.Level, _ message: Logger.Message) {
        InvocationLogContext.$requestID.withValue(requestID) {
            logger.log(level: level, message)
        }
    }

    /// The X-Ray SDKs read the trace header from the environment; it must never leak into the next invocation.
    private func exportTraceID(_ traceID: String?) {
        if let traceID {
            setenv("_X_AMZN_TRACE_ID", traceID, 1)
        } else {
            unsetenv("_X_AMZN_TRACE_ID")
        }
    }
}
