import JSONCoding
import AWSCore
import HTTPCore
import NIOHTTP1

/// Posts to an incoming webhook the way Slack documents it: `200 ok` is success, 429 waits `Retry-After`,
/// 5xx backs off, a refusal of the blocks falls back to the text alone, other 4xx are final.
public struct SlackWebhookClient: Sendable {
    public enum Delivery: Sendable, Equatable {
        case delivered
        /// Slack refused the blocks (`invalid_blocks`, `msg_blocks_too_long`); the text alone was posted.
        case deliveredAsTextOnly(blocksRefusal: String)
    }

    static let blockRefusals: Set<String> = ["invalid_blocks", "msg_blocks_too_long"]

    private let url: SlackWebhookURL
    private let transport: any HTTPTransport
    private let policy: RetryPolicy

    public init(url: SlackWebhookURL, transport: any HTTPTransport, policy: RetryPolicy = RetryPolicy(timeout: .seconds(10))) {
        self.url = url
        self.transport = transport
        self.policy = policy
    }

    public func post(_ message: SlackMessage) async throws(SlackError) -> Delivery {
        let (status, reason) = try await send(message)
        if status == 200 && reason == "ok" { return .delivered }
        if status == 400, Self.blockRefusals.contains(reason), !message.blocks.isEmpty {
            let (textStatus, textReason) = try await send(message.textOnly)
            guard textStatus == 200 && textReason == "ok" else { throw .rejected(status: textStatus, reason: textReason) }
            return .deliveredAsTextOnly(blocksRefusal: reason)
        }
        throw .rejected(status: status, reason: reason)
    }

    private func send(_ message: SlackMessage) async throws(SlackError) -> (status: Int, reason: String) {
        let body: [UInt8]
        do {
            body = try JSONEncoding().encode(message)
        } catch {
            throw .rejected(status: 0, reason: "message could not be encoded")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        let request = HTTPRequest(method: .POST, url: url.value, headers: headers, body: body, timeout: policy.timeout)
        do {
            let response = try await RetryingSender(policy: policy).send(request, over: transport, verdict: Self.verdict)
            return (response.status, Self.reason(in: response.body))
        } catch {
            throw .unreachable(reason: Self.describeWithoutURL(error))
        }
    }

    static func verdict(_ response: HTTPResponse) -> RetryingSender.Verdict {
        if response.status == 429 { return .rateLimited(waitHeader: response.headers.first(name: "Retry-After")) }
        return response.status >= 500 ? .retry : .final
    }

    /// Slack answers a short code in plain text; anything longer is cut rather than logged whole.
    static func reason(in body: [UInt8]) -> String {
        String(String(decoding: body.prefix(200), as: UTF8.self).trimmedWhitespace)
            .filter { !$0.isNewline }
    }

    /// `TransportError` descriptions carry the URL, which here is the secret.
    static func describeWithoutURL(_ error: any Error) -> String {
        switch error {
        case TransportError.timedOut: "timed out"
        case TransportError.connectionFailed: "connection failed"
        case TransportError.failed: "request failed"
        case is CancellationError: "cancelled"
        default: "request failed"
        }
    }
}
