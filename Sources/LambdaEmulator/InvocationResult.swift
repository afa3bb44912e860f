import LambdaRuntime
import NIOCore

/// How one invocation ended, as the caller of the Invoke API sees it.
public enum InvocationResult: Sendable {
    /// The function answered on `/response`.
    case response(ByteBuffer)
    /// The function (or the emulated Lambda service) reported an error document.
    case functionError(errorType: String, document: ByteBuffer)

    /// An error raised by the emulated service itself (timeout, crash, oversized response), in Lambda's shape.
    static func serviceError(type: String, message: String) -> InvocationResult {
        let document = FunctionError(errorType: type, errorMessage: message).json
        return .functionError(errorType: type, document: ByteBuffer(string: document))
    }
}
