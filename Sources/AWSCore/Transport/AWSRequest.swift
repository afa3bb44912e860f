import HTTPCore
import Logging
import NIOHTTP1

/// A request on its way through the pipeline, still in parts so that middleware (signing above all) can read them.
public struct AWSRequest: Sendable {
    public var endpoint: AWSEndpoint
    public var method: HTTPMethod
    /// Percent-encoded path below the endpoint's base path; starts with `/`.
    public var path: String
    /// Percent-encoded query without `?`; empty when none.
    public var query: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    public var timeout: Duration

    public init(
        endpoint: AWSEndpoint, method: HTTPMethod, path: String = "/", query: String = "", headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [], timeout: Duration
    ) {
        self.endpoint = endpoint
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The path as it goes on the request line.
    public var wirePath: String { endpoint.basePath + path }

    public var url: String { endpoint.origin + wirePath + (query.isEmpty ? "" : "?" + query) }

    var httpRequest: HTTPRequest {
        HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout)
    }
}

extension AWSRequest: CustomStringConvertible {
    public var description: String {
        "AWSRequest(\(method.rawValue) \(endpoint)\(wirePath), headers: \(headers.map(\.name)), \(body.count) bytes)"
    }
}

/// What a middleware knows about the call beyond the request itself.
public struct AWSRequestContext: Sendable {
    public let service: AWSService
    /// e.g. `DynamoDB.PutItem`, for errors and logs.
    public let operation: String
    public let region: String
    public let signingOptions: SigV4Signer.Options
    /// 1 for the first try; set by the retry step.
    public var attempt: Int
    public var logger: Logger
    /// False for the few operations that take no signature (STS AssumeRoleWithWebIdentity, the SSO portal):
    /// they authenticate with a token of their own, and the caller may have no credentials yet.
    public var isSigned: Bool

    public init(
        service: AWSService, operation: String, region: String, signingOptions: SigV4Signer.Options, logger: Logger, isSigned: Bool = true
    ) {
        self.service = service
        self.operation = operation
        self.region = region
        self.signingOptions = signingOptions
        self.attempt = 1
        self.logger = logger
        self.isSigned = isSigned
    }
}
