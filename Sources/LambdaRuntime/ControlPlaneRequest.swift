import NIOCore
import NIOHTTP1

/// Everything a runtime says to the Runtime API (version 2018-06-01).
enum ControlPlaneRequest: Sendable {
    case next
    case invocationResponse(requestID: String, body: ByteBuffer?)
    case invocationError(requestID: String, FunctionError)
    case initializationError(FunctionError)

    static let basePath = "/2018-06-01/runtime"

    var path: String {
        switch self {
        case .next: return Self.basePath + "/invocation/next"
        case .invocationResponse(let id, _): return Self.basePath + "/invocation/\(id)/response"
        case .invocationError(let id, _): return Self.basePath + "/invocation/\(id)/error"
        case .initializationError: return Self.basePath + "/init/error"
        }
    }

    /// The request line and headers, and the body if any, ready for the HTTP/1.1 encoder.
    func encode(host: String, allocator: ByteBufferAllocator) -> (head: HTTPRequestHead, body: ByteBuffer?) {
        var headers = HTTPHeaders()
        headers.reserveCapacity(4)
        headers.add(name: "host", value: host)
        headers.add(name: "user-agent", value: "opsdaily-lambda-runtime/1")
        let body: ByteBuffer?
        switch self {
        case .next:
            return (HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers), nil)
        case .invocationResponse(_, let payload):
            body = payload
        case .invocationError(_, let error), .initializationError(let error):
            headers.add(name: "lambda-runtime-function-error-type", value: error.errorType)
            headers.add(name: "content-type", value: "application/json")
            body = allocator.buffer(string: error.json)
        }
        headers.add(name: "content-length", value: String(body?.readableBytes ?? 0))
        return (HTTPRequestHead(version: .http1_1, method: .POST, uri: path, headers: headers), body)
    }
}

/// The Runtime API's answer to one control-plane request.
struct ControlPlaneResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: ByteBuffer

    var bodyText: String { String(buffer: body) }
}
