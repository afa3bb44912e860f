import NIOCore
import NIOHTTP1
import NIOPosix

/// The one keep-alive HTTP/1.1 connection a runtime keeps to the Runtime API for its whole life.
///
/// Requests are strictly sequential (the protocol never has two outstanding), so the connection is a plain
/// value owned by the loop's task: no locks, no shared state.
struct RuntimeAPIConnection: ~Copyable {
    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
    private let hostHeader: String
    private let allocator = ByteBufferAllocator()

    typealias Channel = NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>

    /// Opens the connection. `/next` long-polls, so there is deliberately no read timeout.
    static func connect(to endpoint: RuntimeAPIEndpoint, group: any EventLoopGroup) async throws -> Channel {
        let bootstrap = ClientBootstrap(group: group)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
        let initializer: @Sendable (any NIOCore.Channel) -> EventLoopFuture<Channel> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                return try Channel(wrappingChannelSynchronously: channel)
            }
        }
        do {
            // Lambda gives an IP address: connecting to it as one skips the resolver and the thread it
            // would start to look the name up.
            if let address = try? SocketAddress(ipAddress: endpoint.host, port: endpoint.port) {
                return try await bootstrap.connect(to: address, channelInitializer: initializer)
            }
            return try await bootstrap.connect(host: endpoint.host, port: endpoint.port, channelInitializer: initializer)
        } catch {
            throw RuntimeError.connectionFailed("\(endpoint.hostHeader): \(error)")
        }
    }

    init(
        inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>,
        outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>,
        endpoint: RuntimeAPIEndpoint
    ) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.hostHeader = endpoint.hostHeader
    }

    /// Sends one request and reads its whole answer.
    mutating func send(_ request: ControlPlaneRequest) async throws -> ControlPlaneResponse {
        let (head, body) = request.encode(host: hostHeader, allocator: allocator)
        if let body {
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(body)), .end(nil)])
        } else {
            try await outbound.write(contentsOf: [.head(head), .end(nil)])
        }
        return try await readResponse()
    }

    private mutating func readResponse() async throws -> ControlPlaneResponse {
        var head: HTTPResponseHead?
        var body: ByteBuffer?
        while let part = try await inbound.next() {
            switch part {
            case .head(let received):
                head = received
            case .body(var chunk):
                if body == nil {
                    body = chunk
                } else {
                    body!.writeBuffer(&chunk)
                }
            case .end:
                guard let head else { throw RuntimeError.connectionClosed }
                return ControlPlaneResponse(
                    status: head.status,
                    headers: head.headers,
                    body: body ?? allocator.buffer(capacity: 0)
                )
            }
        }
        throw RuntimeError.connectionClosed
    }
}
