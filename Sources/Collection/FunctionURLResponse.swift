#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The answer to a Function URL request; the body is always a small JSON document with a short reason.
struct FunctionURLResponse: Encodable, Sendable, Equatable {
    var statusCode: Int
    var headers: [String: String]
    var body: String

    init(statusCode: Int, reply: WebhookReply, extraHeaders: [String: String] = [:]) {
        self.statusCode = statusCode
        self.headers = ["content-type": "application/json"].merging(extraHeaders) { _, extra in extra }
        self.body = (try? String(decoding: JSONEncoder.sorted.encode(reply), as: UTF8.self)) ?? "{}"
    }
}

/// What the webhook says back: enough for whoever reads Datadog's webhook log to know what happened.
struct WebhookReply: Codable, Sendable, Equatable {
    var status: String
    var reason: String?
    var id: String?
    var flags: [String]?
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
