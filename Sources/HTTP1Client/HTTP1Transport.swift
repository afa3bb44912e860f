import HTTPCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// The functions' transport: HTTP/1.1 over SwiftNIO, TLS by NIOSSL with the system's trust roots, and idle
/// keep-alive connections kept per origin for the next request. It is what the functions need and no more (no
/// HTTP/2, proxies, redirects, compression or tracing), so a function binary does not carry AsyncHTTPClient and
/// the packages it brings.
///
/// Each request gets a connection of its own: an idle one to its origin, or a new one. Concurrency is bounded by
/// the callers (the monitor checker reads 8 at a time); at most `maximumIdlePerOrigin` connections stay open
/// after use. A connection is kept only after a complete answer that allows keep-alive; any failure closes it.
public final class HTTP1Transport: HTTPTransport {
    /// A connection idle for longer than this is closed rather than reused: servers drop idle connections
    /// after about a minute, and a frozen Lambda sandbox does not see them go.
    public static let maximumIdleAge = TimeAmount.seconds(30)

    private struct IdleConnection {
        var channel: any Channel
        var since: NIODeadline
    }

    private enum State {
        case open(idle: [RequestTarget.Origin: [IdleConnection]], tls: NIOSSLContext?)
        case shutDown
    }

    private let timeouts: HTTPTimeouts
    private let tlsConfiguration: TLSConfiguration
    private let maximumIdlePerOrigin: Int
    private let maximumBodyBytes: Int
    private let state = Mutex(State.open(idle: [:], tls: nil))

    /// `tlsConfiguration`: tests trust their own certificate authority here; everyone else keeps the default,
    /// full verification against the system's trust roots.
    public init(
        timeouts: HTTPTimeouts = HTTPTimeouts(), tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
        maximumIdlePerOrigin: Int = 8, maximumBodyBytes: Int = HTTPResponse.maximumBodyBytes
    ) {
        self.maximumBodyBytes = maximumBodyBytes
        self.timeouts = timeouts
        self.tlsConfiguration = tlsConfiguration
        self.maximumIdlePerOrigin = maximumIdlePerOrigin
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let url = RequestTarget.printable(request.url)
        do {
            let target = try RequestTarget(url: request.url)
            let deadline = NIODeadline.now() + TimeAmount(request.timeout)
            let exchange = Exchange(head: Self.head(of: request, to: target), body: request.body, deadline: deadline)
            var reused = try checkOut(target.origin)
            while true {
                let channel: any Channel
                if let reused {
                    channel = reused
                } else {
                    channel = try await connect(to: target.origin, deadline: deadline)
                }
                do {
                    let answer = try await exchange.run(on: channel)
                    checkIn(channel, to: target.origin, keepAlive: answer.head.isKeepAlive)
                    return HTTPResponse(
                        status: Int(answer.head.status.code), headers: answer.head.headers, body: Array(buffer: answer.body))
                } catch ExchangeHandler.Failure.closedBeforeAnswer where reused != nil {
                    // The server had closed this idle connection: once more, on a new one.
                    reused = nil
                }
            }
        } catch {
            throw Self.transportError(error, url: url)
        }
    }

    /// Closes every idle connection; requests after this fail, and so does a second shutdown. Functions never
    /// call it: their transport lives as long as the process.
    public func shutdown() async throws {
        let idle = try state.withLock { state throws -> [IdleConnection] in
            guard case .open(let idle, _) = state else { throw ClosedTransport() }
            state = .shutDown
            return idle.values.flatMap { $0 }
        }
        for connection in idle {
            try? await connection.channel.close()
        }
    }

    private static func head(of request: HTTPRequest, to target: RequestTarget) -> HTTPRequestHead {
        var headers = request.headers
        if !headers.contains(name: "host") {
            headers.replaceOrAdd(name: "host", value: target.origin.hostHeader)
        }
        // A length even when it is 0: without one, an encoder chooses chunked encoding, which some endpoints refuse.
        if !request.body.isEmpty || request.method == .PUT || request.method == .POST {
            headers.replaceOrAdd(name: "content-length", value: String(request.body.count))
        }
        return HTTPRequestHead(version: .http1_1, method: request.method, uri: target.path, headers: headers)
    }

    /// An idle connection to `origin` that is still open and young enough, if there is one; stale ones are closed.
    private func checkOut(_ origin: RequestTarget.Origin) throws -> (any Channel)? {
        let now = NIODeadline.now()
        var stale: [any Channel] = []
        defer { stale.forEach { $0.close(promise: nil) } }
        return try state.withLock { state throws -> (any Channel)? in
            guard case .open(var idle, let tls) = state else { throw ClosedTransport() }
            defer { state = .open(idle: idle, tls: tls) }
            while let connection = idle[origin]?.popLast() {
                if connection.channel.isActive && now - connection.since < Self.maximumIdleAge { return connection.channel }
                stale.append(connection.channel)
            }
            return nil
        }
    }

    private func checkIn(_ channel: any Channel, to origin: RequestTarget.Origin, keepAlive: Bool) {
        let kept = keepAlive && channel.isActive && state.withLock { state -> Bool in
            guard case .open(var idle, let tls) = state, idle[origin, default: []].count < maximumIdlePerOrigin else { return false }
            idle[origin, default: []].append(IdleConnection(channel: channel, since: .now()))
            state = .open(idle: idle, tls: tls)
            return true
        }
        if !kept { channel.close(promise: nil) }
    }

    /// The TLS context is made by the first `https` request: it reads the system's trust roots.
    private func tlsContext() throws -> NIOSSLContext {
        try state.withLock { state throws -> NIOSSLContext in
            guard case .open(let idle, let existing) = state else { throw ClosedTransport() }
            if let existing { return existing }
            let context = try NIOSSLContext(configuration: tlsConfiguration)
            state = .open(idle: idle, tls: context)
            return context
        }
    }

    private func connect(to origin: RequestTarget.Origin, deadline: NIODeadline) async throws -> any Channel {
        let tls = try origin.isSecure ? tlsContext() : nil
        // Names a server by its host name; an address is verified against the certificate's IP entries instead.
        let serverName = (try? SocketAddress(ipAddress: origin.host, port: origin.port)) == nil ? origin.host : nil
        let left = deadline - .now()
        guard left > .zero else { throw ExchangeHandler.Failure.deadlinePassed }
        let readTimeout = TimeAmount(timeouts.read)
        let maximumBodyBytes = maximumBodyBytes
        // Named here, not in init: the shared event loops start with the first connection, not before a
        // function's first event.
        let group = MultiThreadedEventLoopGroup.singleton
        // A TLS connection is ready when its handshake is: a certificate it refuses fails here, with its reason.
        let handshake = tls.map { _ in group.any().makePromise(of: Void.self) }
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(min(TimeAmount(timeouts.connect), left))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls {
                        try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try pipeline.addHTTPClientHandlers()
                    try pipeline.addHandler(ExchangeHandler(readTimeout: readTimeout, maximumBodyBytes: maximumBodyBytes, handshake: handshake))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: origin.host, port: origin.port).get()
            if let handshake {
                // A server that never finishes the handshake is silence like any other, bounded the same way.
                let limit = min(deadline, .now() + readTimeout)
                let timer = channel.eventLoop.scheduleTask(deadline: limit) {
                    handshake.fail(limit == deadline ? ExchangeHandler.Failure.deadlinePassed : ExchangeHandler.Failure.readTimeout(readTimeout))
                    channel.close(promise: nil)
                }
                defer { timer.cancel() }
                try await withTaskCancellationHandler {
                    try await handshake.futureResult.get()
                } onCancel: {
                    channel.close(promise: nil)
                }
            }
            return channel
        } catch {
            handshake?.fail(error)
            throw error
        }
    }

    /// What the retry step sees: `timedOut` and `connectionFailed` are worth another attempt, `failed` is not.
    static func transportError(_ error: any Error, url: String) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if let error = error as? TransportError { return error }
        switch error {
        case let failure as ExchangeHandler.Failure:
            switch failure {
            case .readTimeout(let timeout):
                return TransportError.timedOut(url: url, detail: "no answer for \(Duration.nanoseconds(timeout.nanoseconds)) (read timeout)")
            case .deadlinePassed:
                return TransportError.timedOut(url: url, detail: "the request's deadline passed")
            case .closedBeforeAnswer:
                return TransportError.connectionFailed(url: url, detail: "the server closed the connection before answering")
            case .closedMidAnswer:
                return TransportError.connectionFailed(url: url, detail: "the server closed the connection in the middle of its answer")
            case .tooLarge(let limit):
                return TransportError.failed(url: url, detail: "the answer is larger than \(limit) bytes")
            case .busy:
                return TransportError.failed(url: url, detail: "connection already in use")
            }
        case let error as ChannelError:
            if case .connectTimeout = error { return TransportError.timedOut(url: url, detail: "connect timeout") }
            return TransportError.connectionFailed(url: url, detail: "\(error)")
        case is NIOConnectionError, is IOError:
            return TransportError.connectionFailed(url: url, detail: "\(error)")
        case NIOSSLError.uncleanShutdown:
            return TransportError.connectionFailed(url: url, detail: "TLS connection closed without close_notify")
        case is ClosedTransport:
            return TransportError.failed(url: url, detail: "the transport was shut down")
        default:
            // TLS failures (an untrusted or mismatched certificate) land here: retrying would not help.
            return TransportError.failed(url: url, detail: "\(error)")
        }
    }
}

struct ClosedTransport: Error {}

/// One request, ready to go on any connection: encoded once, sent again as is if a reused connection was stale.
private struct Exchange {
    var head: HTTPRequestHead
    var body: [UInt8]
    var deadline: NIODeadline

    func run(on channel: any Channel) async throws -> ExchangeHandler.Answer {
        let promise = channel.eventLoop.makePromise(of: ExchangeHandler.Answer.self)
        let request = ExchangeHandler.Exchange(
            head: head, body: body.isEmpty ? nil : channel.allocator.buffer(bytes: body), deadline: deadline, promise: promise)
        // A closed channel fails the write before the handler sees it: the exchange fails with it.
        channel.writeAndFlush(request).whenFailure { error in
            promise.fail(error is ChannelError ? ExchangeHandler.Failure.closedBeforeAnswer : error)
        }
        return try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            channel.close(promise: nil)
        }
    }
}
