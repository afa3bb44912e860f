/// A Lambda Function URL request, payload format 2.0: the fields collection reads.
public struct FunctionURLRequest: Decodable, Sendable {
    public struct RequestContext: Decodable, Sendable {
        public struct HTTP: Decodable, Sendable {
            public var method: String
            public var path: String?
            public var sourceIp: String?

            public init(method: String, path: String? = nil, sourceIp: String? = nil) {
                self.method = method
                self.path = path
                self.sourceIp = sourceIp
            }
        }
        public var http: HTTP
        public var requestId: String?
        public var timeEpoch: Int64?

        public init(http: HTTP, requestId: String? = nil, timeEpoch: Int64? = nil) {
            self.http = http
            self.requestId = requestId
            self.timeEpoch = timeEpoch
        }
    }

    public var version: String?
    public var requestContext: RequestContext
    /// Lower-cased names; Lambda joins repeated headers with commas.
    public var headers: [String: String]?
    public var body: String?
    public var isBase64Encoded: Bool?

    public init(
        version: String? = "2.0", requestContext: RequestContext, headers: [String: String]? = nil, body: String? = nil,
        isBase64Encoded: Bool? = false
    ) {
        self.version = version
        self.requestContext = requestContext
        self.headers = headers
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    public func header(_ name: String) -> String? {
        headers?[name.lowercased()]
    }
}
