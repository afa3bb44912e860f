/// The error document the Runtime API expects on `/invocation/{id}/error` and `/init/error`.
///
/// `errorType` is also sent as the `Lambda-Runtime-Function-Error-Type` header, so keep it short and stable
/// (`Category.Reason` is the form AWS recommends).
public struct FunctionError: Error, Sendable, Equatable {
    public var errorType: String
    public var errorMessage: String
    public var stackTrace: [String]

    public init(errorType: String, errorMessage: String, stackTrace: [String] = []) {
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.stackTrace = stackTrace
    }

    /// Describes any error thrown by a handler or an initializer. An error that already is a `FunctionError`
    /// keeps its type; others are named after their Swift type so the type stays meaningful in CloudWatch.
    public init(describing error: any Error) {
        if let functionError = error as? FunctionError {
            self = functionError
        } else {
            self.init(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
        }
    }

    /// `{"errorMessage": …, "errorType": …, "stackTrace": […]}`
    public var json: String {
        var out = "{\"errorMessage\":"
        JSONText.appendString(errorMessage, to: &out)
        out += ",\"errorType\":"
        JSONText.appendString(errorType, to: &out)
        out += ",\"stackTrace\":["
        for (index, frame) in stackTrace.enumerated() {
            if index > 0 { out += "," }
            JSONText.appendString(frame, to: &out)
        }
        out += "]}"
        return out
    }
}

extension FunctionError {
    /// The event could not be decoded into the handler's `Event` type.
    static func unmarshal(_ error: any Error, eventType: Any.Type) -> FunctionError {
        FunctionError(
            errorType: "Runtime.UnmarshalError",
            errorMessage: "Could not decode the event as \(eventType): \(error)"
        )
    }

    /// The handler's output could not be encoded.
    static func marshal(_ error: any Error, outputType: Any.Type) -> FunctionError {
        FunctionError(
            errorType: "Runtime.MarshalError",
            errorMessage: "Could not encode the response of type \(outputType): \(error)"
        )
    }
}
