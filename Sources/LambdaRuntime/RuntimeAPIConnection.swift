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
        do {
            return try await ClientBootstrap(group: group)
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(5))
                .connect(host: endpoint.host, port: endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        return try Channel(wrappingChannelSynchronously: channel)
                    }
                }
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
