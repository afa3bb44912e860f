import NIOHTTP1

/// What the signer reads from a request. The path and query are taken as they go on the wire
/// (already percent-encoded by whoever built the request), which is what AWS canonicalises.
public struct SigningRequest: Sendable {
    public var method: String
    /// The path of the request line, before any `?`.
    public var path: String
    /// The query of the request line without the `?`, as sent; empty when there is none.
    public var query: String
    /// Every header here is signed; it must include `Host`.
    public var headers: HTTPHeaders
    public var payload: PayloadHash

    public init(method: String, path: String, query: String = "", headers: HTTPHeaders, payload: PayloadHash = .empty) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }
}
