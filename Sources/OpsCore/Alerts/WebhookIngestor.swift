import HTTPCore
import Logging

/// The webhook's rules (SPEC §5), independent of Lambda: authenticate, check method and size, parse without
/// refusing anything parseable, store once, and answer so that Datadog retries exactly when it should (5xx).
public struct WebhookIngestor: Sendable {
    public static let maximumBodyBytes = 256 * 1024

    public init(
        parser: AlertParser, store: any AlertStore, tokenHeader: String, token: SecretReference,
        secrets: any SecretSource, now: @escaping @Sendable () -> Int64
    ) {
        self.parser = parser
        self.store = store
        self.tokenHeader = tokenHeader
        self.token = token
        self.secrets = secrets
        self.now = now
    }

    public let parser: AlertParser
    public let store: any AlertStore
    public let tokenHeader: String
    public let token: SecretReference
    public let secrets: any SecretSource
    public let now: @Sendable () -> Int64

    public func ingest(_ request: FunctionURLRequest, logger: Logger) async -> FunctionURLResponse {
        let expected: String
        do {
            expected = try await token.resolve(with: secrets)
        } catch {
            logger.error("webhook token unavailable: \(error)")
            return FunctionURLResponse(statusCode: 503, reply: WebhookReply(status: .error, reason: "token unavailable, retry later"))
        }
        guard let presented = request.header(tokenHeader), ConstantTime.equals(Array(presented.utf8), Array(expected.utf8)) else {
            logger.warning("rejected: missing or wrong \(tokenHeader) header", metadata: ["source": "\(request.requestContext.http.sourceIp ?? "-")"])
            return FunctionURLResponse(statusCode: 401, reply: WebhookReply(status: .rejected, reason: "missing or wrong token"))
        }
        guard request.requestContext.http.method.uppercased() == "POST" else {
            return FunctionURLResponse(
                statusCode: 405,
                reply: WebhookReply(status: .rejected, reason: "method \(request.requestContext.http.method) not allowed, use POST"),
                extraHeaders: ["allow": "POST"]
            )
        }
        let body: [UInt8]
        do {
            body = try Self.body(of: request)
        } catch {
            return error.response
        }

        let alert: Alert
        do {
            alert = try parser.parse(body: body, receivedAt: now())
        } catch {
            logger.warning("rejected a body that is not JSON", metadata: [
                "reason": "\(error.description)", "bytes": "\(body.count)", "start": "\(Self.preview(body))",
            ])
            return FunctionURLResponse(statusCode: 400, reply: WebhookReply(status: .rejected, reason: error.description))
        }

        do {
            let outcome = try await store.store(alert)
            let status: WebhookReply.Status = outcome == .stored ? .stored : .duplicate
            logger.info("\(status) alert", metadata: [
                "event": "\(alert.eventID)", "monitor": "\(alert.monitorID ?? "-")", "transition": "\(alert.transition)",
                "day": "\(alert.day)", "flags": "\(alert.flags.joined(separator: ","))",
            ])
            return FunctionURLResponse(
                statusCode: 200,
                reply: WebhookReply(status: status, id: alert.eventID, flags: alert.flags.isEmpty ? nil : alert.flags)
            )
        } catch {
            logger.error("storage failed, Datadog will retry", metadata: ["event": "\(alert.eventID)", "error": "\(error)"])
            return FunctionURLResponse(
                statusCode: 503,
                reply: WebhookReply(status: .error, reason: "storage unavailable, retry later", id: alert.eventID),
                extraHeaders: ["retry-after": "5"]
            )
        }
    }

    /// The request body as bytes, base64-decoded if Lambda encoded it, within the size limit.
    static func body(of request: FunctionURLRequest) throws(RefusedRequest) -> [UInt8] {
        let text = request.body ?? ""
        let limit = maximumBodyBytes
        let tooLarge = RefusedRequest(statusCode: 413, reason: "body larger than 256 KiB")
        // Checked before decoding too, so an enormous base64 body is never expanded in memory.
        guard text.utf8.count <= (request.isBase64Encoded == true ? (limit + 2) / 3 * 4 : limit) else { throw tooLarge }
        guard request.isBase64Encoded == true else { return Array(text.utf8) }
        guard let bytes = Base64.decode(text) else { throw RefusedRequest(statusCode: 400, reason: "body is not valid base64") }
        guard bytes.count <= limit else { throw tooLarge }
        return bytes
    }

    struct RefusedRequest: Error {
        var statusCode: Int
        var reason: String
        var response: FunctionURLResponse {
            FunctionURLResponse(statusCode: statusCode, reply: WebhookReply(status: .rejected, reason: reason))
        }
    }

    /// The first bytes of a refused body, escaped, so the log shows what arrived without flooding it.
    static func preview(_ body: [UInt8]) -> String {
        String(decoding: body.prefix(120), as: UTF8.self).unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}
