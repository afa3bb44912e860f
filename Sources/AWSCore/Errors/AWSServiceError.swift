/// An error answer from an AWS service (or a local stand-in), decoded from its JSON or XML body.
public struct AWSServiceError: Error, Sendable, Equatable {
    /// HTTP status of the answer.
    public let status: Int
    /// The AWS error code without namespace, e.g. `ConditionalCheckFailedException`, `NoSuchKey`.
    public let code: String
    public let message: String?
    public let requestID: String?
    /// `Service.Operation` that failed, e.g. `DynamoDB.PutItem`.
    public let operation: String

    public init(status: Int, code: String, message: String?, requestID: String?, operation: String) {
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
        self.operation = operation
    }

    public var kind: AWSErrorKind { AWSErrorKind(code: code, status: status) }

    public var isConditionalCheckFailed: Bool { kind == .conditionalCheckFailed }
    public var isThrottling: Bool { kind == .throttling }
    public var isValidation: Bool { kind == .validation }
    public var isResourceNotFound: Bool { kind == .resourceNotFound }
    /// The request was refused for who sent it: unknown or expired key, or no permission.
    public var isAccessDenied: Bool { kind == .accessDenied || kind == .invalidCredentials }
    /// The signature did not verify: wrong secret key, skewed clock, or a canonicalisation bug.
    public var isSignatureError: Bool { kind == .signature }
}

extension AWSServiceError: CustomStringConvertible {
    public var description: String {
        var text = "\(operation) failed: \(code) (HTTP \(status))"
        if let message, !message.isEmpty { text += ": \(message)" }
        if let requestID { text += " [request id \(requestID)]" }
        return text
    }
}

/// The families of error codes callers act on.
public enum AWSErrorKind: Sendable, Equatable {
    case conditionalCheckFailed
    case throttling
    case validation
    case resourceNotFound
    case accessDenied
    case invalidCredentials
    case signature
    /// A server-side fault worth another try (5xx or a timeout code).
    case transient
    case other

    init(code: String, status: Int) {
        switch code {
        case "ConditionalCheckFailedException":
            self = .conditionalCheckFailed
        case _ where Self.throttlingCodes.contains(code):
            self = .throttling
        case "ValidationException", "SerializationException", "InvalidParameterException", "InvalidParameterValue",
            "InvalidRequestException", "InvalidArgument", "MissingParameter", "MalformedXML":
            self = .validation
        case "ResourceNotFoundException", "NoSuchKey", "NoSuchBucket", "NotFound":
            self = .resourceNotFound
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation":
            self = .accessDenied
        case "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId", "ExpiredToken", "AuthFailure",
            "ExpiredTokenException", "MissingAuthenticationToken", "MissingAuthenticationTokenException":
            self = .invalidCredentials
        case "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature", "IncompleteSignatureException":
            self = .signature
        case "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalServerError", "InternalFailure",
            "ServiceUnavailable":
            self = .transient
        default:
            self = [500, 502, 503, 504].contains(status) ? .transient : .other
        }
    }

    /// The SDKs' standard-mode throttling codes.
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
}
