import NIOHTTP1

/// What the Runtime API says about an invocation in the headers of its `/next` answer.
struct InvocationMetadata: Sendable, Equatable {
    var requestID: String
    var deadline: EpochMilliseconds
    var invokedFunctionARN: String
    var traceID: String?
    var clientContext: String?
    var cognitoIdentity: String?

    init(headers: HTTPHeaders) throws(RuntimeError) {
        guard let requestID = headers.first(name: "Lambda-Runtime-Aws-Request-Id"), !requestID.isEmpty else {
            throw .invalidInvocation("the /next answer has no Lambda-Runtime-Aws-Request-Id header")
        }
        guard let deadlineText = headers.first(name: "Lambda-Runtime-Deadline-Ms"),
            let deadline = Int64(deadlineText)
        else {
            throw .invalidInvocation("the /next answer for \(requestID) has no valid Lambda-Runtime-Deadline-Ms header")
        }
        self.requestID = requestID
        self.deadline = EpochMilliseconds(deadline)
        self.invokedFunctionARN = headers.first(name: "Lambda-Runtime-Invoked-Function-Arn") ?? ""
        self.traceID = headers.first(name: "Lambda-Runtime-Trace-Id")
        self.clientContext = headers.first(name: "Lambda-Runtime-Client-Context")
        self.cognitoIdentity = headers.first(name: "Lambda-Runtime-Cognito-Identity")
    }
}
