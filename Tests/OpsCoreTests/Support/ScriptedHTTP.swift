import AWSCore
import NIOHTTP1
import Synchronization

/// Answers requests from a list of canned replies, then repeats the last one; remembers every request.
final class ScriptedHTTP: HTTPTransport {
    enum Reply: Sendable {
        case status(Int, body: String = "", headers: [(String, String)] = [])
        case failure(TransportError)
    }

    private let state: Mutex<(replies: [Reply], requests: [HTTPRequest])>

    init(_ replies: [Reply]) {
        state = Mutex((replies, []))
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply = state.withLock { state in
            state.requests.append(request)
            return state.replies.count > 1 ? state.replies.removeFirst() : state.replies[0]
        }
        switch reply {
        case .status(let status, let body, let headers):
            return HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Array(body.utf8))
        case .failure(let error):
            throw error
        }
    }
}

/// Records the waits instead of sleeping, so retry tests take no time.
final class WaitRecorder: RetrySleeper {
    private let recorded = Mutex<[Duration]>([])

    var waits: [Duration] { recorded.withLock { $0 } }

    func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
    }
}
