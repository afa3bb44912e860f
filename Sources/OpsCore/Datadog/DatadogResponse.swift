import JSONCoding
import AWSCore
import HTTPCore

/// What a Datadog answer means for the client: 2xx is the value, 429 waits for the rate-limit window,
/// 5xx is worth another try, the rest is a typed error.
enum DatadogResponse {
    static func verdict(_ response: HTTPResponse) -> RetryingSender.Verdict {
        if response.isSuccess { return .final }
        if response.status == 429 { return .rateLimited(waitHeader: response.headers.first(name: "X-RateLimit-Reset")) }
        return response.status >= 500 ? .retry : .final
    }

    /// `{"errors": ["Monitor not found"]}`; anything else gives no messages rather than echoing a body.
    static func errors(in body: [UInt8]) -> [String] {
        struct Envelope: Decodable { var errors: [String] }
        return (try? JSONDecoding().decode(Envelope.self, from: body))?.errors.map { String($0.prefix(500)) } ?? []
    }
}
