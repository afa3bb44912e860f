import CivilTime
import HTTPCore

/// Signs each attempt with the current credentials and time: adds `Host`, the `X-Amz-*` headers and `Authorization`
/// (only `Host` for an operation that takes no signature).
public struct SigningMiddleware: AWSMiddleware {
    public let credentials: any CredentialProvider
    public let now: @Sendable () -> Instant
    public let keyCache: SigningKeyCache

    public init(credentials: any CredentialProvider, now: @escaping @Sendable () -> Instant = Instant.now, keyCache: SigningKeyCache = SigningKeyCache()) {
        self.credentials = credentials
        self.now = now
        self.keyCache = keyCache
    }

    public func handle(_ request: AWSRequest, context: AWSRequestContext, next: AWSRequestHandler) async throws -> HTTPResponse {
        var request = request
        request.headers.replaceOrAdd(name: "Host", value: request.endpoint.hostHeader)
        guard context.isSigned else { return try await next(request, context) }
        let signer = SigV4Signer(
            credentials: try await credentials.credentials(),
            region: context.region,
            service: context.service.signingName,
            options: context.signingOptions,
            keyCache: keyCache
        )
        let signed = signer.sign(
            SigningRequest(
                method: request.method.rawValue,
                path: request.wirePath,
                query: request.query,
                headers: request.headers,
                payload: .sha256(of: request.body)
            ),
            at: now()
        )
        request.headers.add(contentsOf: signed.headers)
        return try await next(request, context)
    }
}
