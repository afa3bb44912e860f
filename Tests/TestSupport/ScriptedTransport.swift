import HTTPCore
import NIOHTTP1
import Synchronization

/// A transport that answers from a script and remembers every request it was sent.
public final class ScriptedTransport: HTTPTransport {
    /// One scripted answer: a response, or a thrown error.
    public struct Answer: Sendable {
        let respond: @Sendable (HTTPRequest) throws -> HTTPResponse

        public init(_ respond: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
            self.respond = respond
        }

        public static func status(_ status: Int, body: String = "", headers: [(String, String)] = []) -> Answer {
            Answer { _ in HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Array(body.utf8)) }
        }

        public static func failure(_ error: TransportError) -> Answer {
            Answer { _ in throw error }
        }
    }

    private let state: Mutex<(answers: [Answer], requests: [HTTPRequest])>
    private let fallback: Answer?

    /// `answers` are used in order; after them `fallback` answers every request (or the request fails).
    public init(_ answers: [Answer] = [], fallback: Answer? = nil) {
        state = Mutex((answers, []))
        self.fallback = fallback
    }

    /// `answers` in order, the last one repeated for every later request.
    public convenience init(repeatingLast answers: [Answer]) {
        self.init(Array(answers.dropLast()), fallback: answers.last)
    }

    public var requests: [HTTPRequest] { state.withLock { $0.requests } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer: Answer? = state.withLock { state in
            state.requests.append(request)
            return state.answers.isEmpty ? fallback : state.answers.removeFirst()
        }
        guard let answer else { throw TransportError.failed(url: request.url, detail: "script exhausted") }
        return try answer.respond(request)
    }
}

/// Records the delays the retry logic asks for instead of sleeping, so retry tests take no time; its clock
/// starts at the real now and advances by each recorded delay, so retry deadlines see the waits.
public final class RecordingSleeper: RetrySleeper {
    private let recorded = Mutex<[Duration]>([])
    private let start = ContinuousClock.now

    public init() {}

    public var delays: [Duration] { recorded.withLock { $0 } }

    public var now: ContinuousClock.Instant { start + recorded.withLock { $0.reduce(.zero, +) } }

    public func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
    }
}

extension HTTPRequest {
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
