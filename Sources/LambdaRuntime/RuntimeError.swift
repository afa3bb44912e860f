/// Why the runtime loop stopped or could not do what the Runtime API asked. All of these end the process:
/// Lambda restarts a runtime that exits, which is the only safe recovery from a broken control plane.
public enum RuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingRuntimeAPI
    case invalidRuntimeAPI(String)
    case invalidConfiguration(variable: String, value: String, expected: String)
    case connectionFailed(String)
    case connectionClosed
    case unexpectedStatus(request: String, status: Int, body: String)
    case invalidInvocation(String)

    public var description: String {
        switch self {
        case .missingRuntimeAPI:
            return "AWS_LAMBDA_RUNTIME_API is not set: this program must run under the Lambda Runtime API"
        case .invalidRuntimeAPI(let value):
            return "AWS_LAMBDA_RUNTIME_API must be host:port, got \"\(value)\""
        case .invalidConfiguration(let variable, let value, let expected):
            return "\(variable)=\"\(value)\" is not valid: expected \(expected)"
        case .connectionFailed(let reason):
            return "could not connect to the Runtime API: \(reason)"
        case .connectionClosed:
            return "the Runtime API closed the connection"
        case .unexpectedStatus(let request, let status, let body):
            return "the Runtime API answered \(request) with HTTP \(status): \(body)"
        case .invalidInvocation(let reason):
            return "invalid invocation: \(reason)"
        }
    }
}
