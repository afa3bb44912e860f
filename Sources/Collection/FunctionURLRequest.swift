/// A Lambda Function URL request, payload format 2.0: the fields collection reads.
struct FunctionURLRequest: Decodable, Sendable {
    struct RequestContext: Decodable, Sendable {
        struct HTTP: Decodable, Sendable {
            var method: String
            var path: String?
            var sourceIp: String?
        }
        var http: HTTP
        var requestId: String?
        var timeEpoch: Int64?
    }

    var version: String?
    var requestContext: RequestContext
    /// Lower-cased names; Lambda joins repeated headers with commas.
    var headers: [String: String]?
    var body: String?
    var isBase64Encoded: Bool?

    func header(_ name: String) -> String? {
        headers?[name.lowercased()]
    }
}
