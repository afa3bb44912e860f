@testable import AWSCore
import Synchronization

/// A transport that answers from a script and remembers every request it was sent.
final class ScriptedTransport: HTTPTransport {
    typealias Answer = @Sendable (HTTPRequest) throws -> HTTPResponse

    private let state: Mutex<(answers: [Answer], requests: [HTTPRequest])>
    private let fallback: Answer?

    /// `answers` are used in order; after them `fallback` answers every request (or the test fails).
    init(_ answers: [Answer] = [], fallback: Answer? = nil) {
        state = Mutex((answers, []))
        self.fallback = fallback
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer: Answer? = state.withLock { state in
            state.requests.append(request)
            return state.answers.isEmpty ? fallback : state.answers.removeFirst()
        }
        guard let answer else { throw TransportError.failed(url: request.url, detail: "script exhausted") }
        return try answer(request)
    }

    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Answer {
        { _ in HTTPResponse(status: status, headers: .init([("Content-Type", "application/x-amz-json-1.0")] + headers), body: Array(body.utf8)) }
    }

    static func awsError(_ status: Int, code: String, message: String = "scripted") -> Answer {
        json(status, #"{"__type":"com.amazonaws.dynamodb.v20120810#\#(code)","message":"\#(message)"}"#)
    }

    static func fail(_ error: TransportError) -> Answer {
        { _ in throw error }
    }
}

/// Records the delays the retry logic asks for instead of sleeping.
final class RecordingSleeper: RetrySleeper {
    private let recorded = Mutex<[Duration]>([])

    var delays: [Duration] { recorded.withLock { $0 } }

    func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
    }
}

extension HTTPRequest {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
