import CivilTime
import HTTPCore
import Logging

/// The request pipeline every service client sends through: retry → sign → decode errors → transport.
/// Create one per process and share it; it holds the retry quota and the connection pool's transport.
public struct AWSClient: Sendable {
    public let credentials: any CredentialProvider
    public let transport: any HTTPTransport
    public let logger: Logger
    /// The signing clock, also used for pre-signed URLs.
    public let now: @Sendable () -> Instant
    /// Derived signing keys, shared by the pipeline's signing step and pre-signing.
    public let keyCache: SigningKeyCache
    private let pipeline: AWSRequestHandler

    public init(
        credentials: any CredentialProvider,
        transport: any HTTPTransport,
        retryStrategy: StandardRetryStrategy = StandardRetryStrategy(),
        now: @escaping @Sendable () -> Instant = Instant.now,
        logger: Logger = Logger(label: "opsdaily.aws")
    ) {
        let keyCache = SigningKeyCache()
        self.init(
            credentials: credentials,
            transport: transport,
            middlewares: [
                RetryMiddleware(strategy: retryStrategy),
                SigningMiddleware(credentials: credentials, now: now, keyCache: keyCache),
                ErrorDecodingMiddleware(),
            ],
            now: now,
            keyCache: keyCache,
            logger: logger
        )
    }

    /// A custom pipeline; `middlewares` run outermost first.
    public init(
        credentials: any CredentialProvider, transport: any HTTPTransport, middlewares: [any AWSMiddleware],
        now: @escaping @Sendable () -> Instant = Instant.now, keyCache: SigningKeyCache = SigningKeyCache(),
        logger: Logger = Logger(label: "opsdaily.aws")
    ) {
        self.credentials = credentials
        self.transport = transport
        self.now = now
        self.keyCache = keyCache
        self.logger = logger
        var handler: AWSRequestHandler = { request, _ in try await transport.send(request.httpRequest) }
        for middleware in middlewares.reversed() {
            let next = handler
            handler = { request, context in try await middleware.handle(request, context: context, next: next) }
        }
        pipeline = handler
    }

    public func send(_ request: AWSRequest, context: AWSRequestContext) async throws -> HTTPResponse {
        try await pipeline(request, context)
    }
}
