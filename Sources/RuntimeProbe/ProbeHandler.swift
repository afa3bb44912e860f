#if canImport(Glibc)
import Glibc
#endif
import LambdaRuntime

/// What a test asks the probe to do in one invocation.
struct ProbeCommand: Decodable, Sendable {
    var action: String
    var message: String?
    var bytes: Int?
    var milliseconds: Int?
    var status: Int32?
}

/// What the probe saw of its invocation, so tests can check the context the runtime built.
struct ProbeReply: Encodable, Sendable {
    var requestID: String
    var functionARN: String
    var traceID: String?
    var traceEnvironment: String?
    var clientContext: String?
    var cognitoIdentity: String?
    var remainingMilliseconds: Int64
    var message: String?
    var padding: String?
}

struct ProbeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

struct ProbeHandler: LambdaHandler {
    func handle(_ command: ProbeCommand, context: LambdaContext) async throws -> ProbeReply {
        var reply = ProbeReply(
            requestID: context.requestID,
            functionARN: context.invokedFunctionARN,
            traceID: context.traceID,
            // Read now: the runtime sets it for each invocation.
            traceEnvironment: getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) },
            clientContext: context.clientContext,
            cognitoIdentity: context.cognitoIdentity,
            remainingMilliseconds: context.remainingTime.components.seconds * 1000
                + context.remainingTime.components.attoseconds / 1_000_000_000_000_000,
            message: command.message
        )
        switch command.action {
        case "echo":
            break
        case "throw":
            throw ProbeFailure(message: command.message ?? "the probe was asked to fail")
        case "large":
            reply.padding = String(repeating: "x", count: command.bytes ?? 7_000_000)
        case "log":
            context.logger.debug("probe debug line")
            context.logger.info("probe info line", metadata: ["detail": "\(command.message ?? "")"])
            context.logger.warning("probe warning line")
        case "sleep":
            try await Task.sleep(for: .milliseconds(command.milliseconds ?? 0))
        case "exit":
            exit(command.status ?? 3)
        default:
            throw ProbeFailure(message: "unknown action \(command.action)")
        }
        return reply
    }
}
