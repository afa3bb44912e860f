import AWSCore
import HTTPCore

/// Pre-signing never sends anything; the S3 client still needs a transport to exist.
struct NoTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw TransportError.failed(url: request.url, detail: "the signing benchmark sends nothing")
    }
}
