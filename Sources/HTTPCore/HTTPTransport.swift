import NIOHTTP1

/// One HTTP exchange, as plain values. The seam between the AWS pipeline and the network: tests put
/// a scripted transport here, the functions `HTTP1Transport`, the command line `AsyncHTTPClientTransport`.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns whatever status came back. Network failures are thrown as `TransportError`.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// Absolute URL, path and query already percent-encoded.
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The whole exchange (connect, send, read the full answer) must finish within this.
    public var timeout: Duration

    public init(method: HTTPMethod, url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], timeout: Duration) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// Signed requests carry a signature and maybe a session token in their headers, pre-signed URLs in their
/// query: only the method, the URL without its query and the header names ever print.
extension HTTPRequest: CustomStringConvertible {
    public var description: String {
        "HTTPRequest(\(method.rawValue) \(url.withoutQuery), headers: \(headers.map(\.name)), \(body.count) bytes)"
    }
}

extension String {
    /// A URL up to its `?`: what may appear in errors and logs.
    public var withoutQuery: Substring { prefix { $0 != "?" } }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Answers larger than this are refused by the transports rather than buffered (reports are a few MB at most).
    public static let maximumBodyBytes = 64 * 1024 * 1024
}

/// Failures below HTTP: no answer, or not in time.
public enum TransportError: Error, Equatable, CustomStringConvertible {
    /// Connect, read or overall deadline passed.
    case timedOut(url: String, detail: String)
    /// Refused, reset or closed before a full answer arrived.
    case connectionFailed(url: String, detail: String)
    /// Anything else (bad URL, TLS failure, answer too large): retrying would not help.
    case failed(url: String, detail: String)

    public var description: String {
        switch self {
        case .timedOut(let url, let detail): return "HTTP request to \(url) timed out (\(detail))"
        case .connectionFailed(let url, let detail): return "HTTP connection to \(url) failed (\(detail))"
        case .failed(let url, let detail): return "HTTP request to \(url) failed (\(detail))"
        }
    }
}
