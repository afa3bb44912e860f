import AWSCore
import HTTPCore

/// How one (account, region, kind) ended: the Coverage sheet's rows (SPEC §13.1). Nothing is silently
/// missing: a kind that could not be listed says why, where.
public struct CoverageEntry: Sendable, Equatable {
    public let profile: String
    public let account: String
    /// The region, or `global` for kinds listed once per account.
    public let region: String
    public let kind: String
    public let state: State
    public let calls: Int
    /// How long the listing took, calls, waits for the service's gate and retries included.
    public let seconds: Double
    /// What an operator should know: detail calls that failed, an error's message.
    public let detail: String

    public init(
        profile: String, account: String, region: String, kind: String, state: State, calls: Int, seconds: Double = 0, detail: String = ""
    ) {
        self.profile = profile
        self.account = account
        self.region = region
        self.kind = kind
        self.state = state
        self.calls = calls
        self.seconds = seconds
        self.detail = detail
    }

    public enum State: Sendable, Equatable, CustomStringConvertible {
        case ok(rows: Int)
        case denied
        case notAvailable
        case error(code: String)

        /// `ok 12`, `denied`, `not available`, `error ThrottlingException`.
        public var description: String {
            switch self {
            case .ok(let rows): return "ok \(rows)"
            case .denied: return "denied"
            case .notAvailable: return "not available"
            case .error(let code): return "error \(code)"
            }
        }

        public var name: String {
            switch self {
            case .ok: return "ok"
            case .denied: return "denied"
            case .notAvailable: return "not available"
            case .error: return "error"
            }
        }
    }
}

/// Sorting errors into the coverage states.
enum Coverage {
    /// Codes that mean the caller may not: the list is there, this identity cannot see it.
    static let deniedCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "UnauthorizedException",
        "Forbidden", "AuthorizationErrorException",
    ]
    /// Codes that mean the service or operation is not offered here: a region not enabled for the account, a
    /// service without its subscription, an operation the region does not have.
    static let notAvailableCodes: Set<String> = [
        "OptInRequired", "SubscriptionRequiredException", "InvalidAction", "UnknownOperationException", "UnsupportedOperation",
        "UnsupportedOperationException",
    ]

    /// A kind's listing failed with `error` after the standard retry.
    static func state(of error: any Error, usesDefaultEndpoint: Bool) -> CoverageEntry.State {
        if let error = error as? AWSServiceError {
            if deniedCodes.contains(error.code) || (error.status == 403 && error.kind != .signature && error.kind != .invalidCredentials) {
                return .denied
            }
            if notAvailableCodes.contains(error.code) { return .notAvailable }
            return .error(code: error.code)
        }
        // A service a region does not have has no endpoint there: its host name does not resolve. Any other
        // connection failure, and any through an endpoint the operator set, is an error like any other.
        if usesDefaultEndpoint, case .connectionFailed(_, let detail)? = error as? TransportError,
           detail.lowercased().contains("dns") || detail.lowercased().contains("resolve") {
            return .notAvailable
        }
        return .error(code: code(of: error))
    }

    /// A short code for any failure: the AWS error code, `timeout`, `connection`, or the error's type.
    static func code(of error: any Error) -> String {
        switch error {
        case let error as AWSServiceError: return error.code
        case TransportError.timedOut: return "timeout"
        case TransportError.connectionFailed: return "connection"
        case TransportError.failed: return "transport"
        case is AWSResponseError: return "undecodable"
        case is EndpointError: return "endpoint"
        default: return String(describing: type(of: error))
        }
    }
}
