#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The answer to a Function URL request; the body is always a small JSON document with a short reason.
public struct FunctionURLResponse: Encodable, Sendable, Equatable {
    public var statusCode: Int
    public var headers: [String: String]
    public var body: String

    public init(statusCode: Int, reply: WebhookReply, extraHeaders: [String: String] = [:]) {
        self.statusCode = statusCode
        self.headers = ["content-type": "application/json"].merging(extraHeaders) { _, extra in extra }
        self.body = (try? String(decoding: JSONEncoder.sorted.encode(reply), as: UTF8.self)) ?? "{}"
    }
}

/// What the webhook says back: enough for whoever reads Datadog's webhook log to know what happened.
public struct WebhookReply: Codable, Sendable, Equatable {
    public var status: String
    public var reason: String?
    public var id: String?
    public var flags: [String]?

    public init(status: String, reason: String? = nil, id: String? = nil, flags: [String]? = nil) {
        self.status = status
        self.reason = reason
        self.id = id
        self.flags = flags
    }
}

extension JSONEncoder {
    public static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
