import JSONCoding
import HTTPCore

/// The answer to a Function URL request; the body is always a small JSON document with a short reason.
public struct FunctionURLResponse: Encodable, Sendable, Equatable {
    public var statusCode: Int
    public var headers: [String: String]
    public var body: String

    public init(statusCode: Int, reply: WebhookReply, extraHeaders: [String: String] = [:]) {
        self.statusCode = statusCode
        self.headers = ["content-type": "application/json"].merging(extraHeaders) { _, extra in extra }
        self.body = (try? String(decoding: JSONEncoding().encode(reply), as: UTF8.self)) ?? "{}"
    }
}
