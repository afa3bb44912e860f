import AsyncHTTPClient
import HTTPCore
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The operators' transport (`opsdaily`, the benches, tests as an independent client): one AsyncHTTPClient
/// connection pool with a per-host connection limit, connect and read timeouts on every connection, and each
/// request's own overall deadline. Whoever creates one calls `shutdown()` when done. The functions use
/// `HTTP1Transport`, which carries a fraction of this one's code.
///
/// The pool, and even its configuration, are made by the first request: making them looks up the tracing
/// instrument, builds the TLS configuration and starts the event loop threads.
public final class AsyncHTTPClientTransport: HTTPTransport {
    public typealias Timeouts = HTTPTimeouts

    private enum State {
        case idle
        case running(HTTPClient)
        case shutDown
    }

    private let timeouts: Timeouts
    private let connectionsPerHost: Int
    private let state = Mutex(State.idle)

    /// `connectionsPerHost`: open connections to one host (AsyncHTTPClient's default is 8). A caller that bounds
    /// its own concurrency per service raises it, so that services sharing one endpoint (a proxy, a local AWS)
    /// are not queued behind each other.
    public init(timeouts: Timeouts = Timeouts(), connectionsPerHost: Int = 8) {
        self.timeouts = timeouts
        self.connectionsPerHost = connectionsPerHost
    }

    private func makeClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = HTTPClient.Configuration.Timeout(
            connect: TimeAmount(timeouts.connect), read: TimeAmount(timeouts.read))
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: configuration.connectionPool.idleTimeout, concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }

    public func shutdown() async throws {
        let running = try state.withLock { state throws(HTTPClientError) -> HTTPClient? in
            switch state {
            case .idle:
                state = .shutDown
                return nil
            case .running(let client):
                state = .shutDown
                return client
            case .shutDown:
                throw .alreadyShutdown
            }
        }
        try await running?.shutdown()
    }

    private func client() throws(HTTPClientError) -> HTTPClient {
        try state.withLock { state throws(HTTPClientError) -> HTTPClient in
            switch state {
            case .idle:
                let client = makeClient()
                state = .running(client)
                return client
            case .running(let client):
                return client
            case .shutDown:
                throw .alreadyShutdown
            }
        }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = request.method
        outgoing.headers = request.headers
        if !request.body.isEmpty || request.method == .PUT || request.method == .POST {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        do {
            let response = try await client().execute(outgoing, timeout: TimeAmount(request.timeout))
            var body = try await response.body.collect(upTo: HTTPResponse.maximumBodyBytes)
            return HTTPResponse(
                status: Int(response.status.code),
                headers: response.headers,
                body: body.readBytes(length: body.readableBytes) ?? []
            )
        } catch {
            throw Self.transportError(error, url: String(request.url.withoutQuery))
        }
    }

    static func transportError(_ error: any Error, url: String) -> any Error {
        if error is CancellationError { return error }
        let detail = String(describing: error)
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                return TransportError.timedOut(url: url, detail: detail)
            case .remoteConnectionClosed:
                return TransportError.connectionFailed(url: url, detail: detail)
            case .cancelled:
                return CancellationError()
            default:
                return TransportError.failed(url: url, detail: detail)
            }
        case let error as ChannelError:
            if case .connectTimeout = error { return TransportError.timedOut(url: url, detail: detail) }
            return TransportError.connectionFailed(url: url, detail: detail)
        case is NIOConnectionError, is IOError:
            return TransportError.connectionFailed(url: url, detail: detail)
        default:
            return TransportError.failed(url: url, detail: detail)
        }
    }
}
