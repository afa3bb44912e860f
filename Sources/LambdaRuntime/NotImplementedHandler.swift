import NIOCore

/// Fails every invocation with a clear message: the handler of a function whose behaviour is not written yet,
/// so that a deployed placeholder can never be mistaken for a working function.
public struct NotImplementedHandler: LambdaRawHandler {
    public let function: String

    public init(function: String) {
        self.function = function
    }

    public func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer? {
        throw FunctionError(errorType: "Function.NotImplemented", errorMessage: "\(function) is not implemented yet")
    }
}
