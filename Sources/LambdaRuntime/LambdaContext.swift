import Logging

/// What a handler knows about the invocation it is serving.
public struct LambdaContext: Sendable {
    public let requestID: String
    public let invokedFunctionARN: String
    /// The X-Ray trace header; also exported as `_X_AMZN_TRACE_ID` for the duration of the invocation.
    public let traceID: String?
    /// The client context JSON sent by mobile SDK callers, as received.
    public let clientContext: String?
    /// The Cognito identity JSON of the caller, as received.
    public let cognitoIdentity: String?
    /// When Lambda will stop the invocation.
    public let deadline: EpochMilliseconds
    /// A logger whose lines carry this invocation's request id.
    public let logger: Logger

    public init(
        requestID: String,
        invokedFunctionARN: String = "",
        traceID: String? = nil,
        clientContext: String? = nil,
        cognitoIdentity: String? = nil,
        deadline: EpochMilliseconds,
        logger: Logger
    ) {
        self.requestID = requestID
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.deadline = deadline
        self.logger = logger
    }

    init(metadata: InvocationMetadata, logger: Logger) {
        self.init(
            requestID: metadata.requestID,
            invokedFunctionARN: metadata.invokedFunctionARN,
            traceID: metadata.traceID,
            clientContext: metadata.clientContext,
            cognitoIdentity: metadata.cognitoIdentity,
            deadline: metadata.deadline,
            logger: logger
        )
    }

    /// Time left before the deadline as seen at `now` (negative once it has passed).
    public func remainingTime(at now: EpochMilliseconds) -> Duration {
        .milliseconds(deadline.value - now.value)
    }

    /// Time left before the deadline by the wall clock.
    public var remainingTime: Duration { remainingTime(at: .now) }
}

/// What an initializer gets while the function sets itself up, before the first invocation.
public struct LambdaInitializationContext: Sendable {
    public let logger: Logger
    /// The process environment, read once at start.
    public let environment: [String: String]

    public init(logger: Logger, environment: [String: String]) {
        self.logger = logger
        self.environment = environment
    }
}
