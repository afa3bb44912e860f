import NIOCore
import NIOPosix
import NIOSSL
import Synchronization
import Testing

/// A loopback server that answers each request with raw bytes from a script: whatever a real server or a
/// broken one might send, including nothing, half an answer, or a close. It counts connections and keeps the
/// requests it read, as text.
final class ScriptedServer: Sendable {
    enum Reply: Sendable {
        /// These bytes, then keep the connection open or close it.
        case bytes([UInt8], thenClose: Bool)
        /// Read the request and never answer.
        case silence
        /// Close the connection without a byte.
        case close
    }

    /// The answer to the `index`th request (from 0) over all connections.
    typealias Script = @Sendable (_ index: Int, _ request: String) -> Reply

    final class Log: Sendable {
        let state = Mutex<(connections: Int, requests: [String])>((0, []))
    }

    private let channel: any Channel
    private let log = Log()
    let port: Int

    var connections: Int { log.state.withLock { $0.connections } }
    var requests: [String] { log.state.withLock { $0.requests } }

    init(tls: NIOSSLContext? = nil, script: @escaping Script) async throws {
        let log = self.log
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                log.state.withLock { $0.connections += 1 }
                return child.eventLoop.makeCompletedFuture {
                    if let tls { try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try child.pipeline.syncOperations.addHandler(RequestReader(log: log, script: script))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = try #require(channel.localAddress?.port)
    }

    func close() async throws { try await channel.close() }

    /// A well-formed answer; a Content-Length is added unless the headers frame the body themselves.
    static func answer(status: String = "200 OK", headers: [(String, String)] = [], body: String = "") -> [UInt8] {
        var text = "HTTP/1.1 \(status)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        let framed = headers.contains { ["content-length", "transfer-encoding"].contains($0.0.lowercased()) }
        if !framed { text += "Content-Length: \(body.utf8.count)\r\n" }
        return Array((text + "\r\n" + body).utf8)
    }
}

/// Reads requests (the head up to its blank line, then Content-Length bytes) and plays the script for each.
private final class RequestReader: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let log: ScriptedServer.Log
    private let script: ScriptedServer.Script
    private var buffered: [UInt8] = []

    init(log: ScriptedServer.Log, script: @escaping ScriptedServer.Script) {
        self.log = log
        self.script = script
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        buffered += chunk.readBytes(length: chunk.readableBytes) ?? []
        while let request = takeRequest() {
            let index = log.state.withLock { state -> Int in
                state.requests.append(request)
                return state.requests.count - 1
            }
            switch script(index, request) {
            case .bytes(let bytes, let thenClose):
                let written = context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)))
                if thenClose {
                    let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                    written.whenComplete { _ in loopBound.value.close(promise: nil) }
                }
            case .silence:
                break
            case .close:
                context.close(promise: nil)
                return
            }
        }
    }

    private func takeRequest() -> String? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, buffered.count - separator.count)).first(where: {
            buffered.count >= separator.count && Array(buffered[$0..<$0 + separator.count]) == separator
        }) else { return nil }
        let head = String(decoding: buffered[..<end], as: UTF8.self)
        let length = head.split(separator: "\r\n").compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].filter { $0 != " " })
        }.first ?? 0
        let total = end + separator.count + length
        guard buffered.count >= total else { return nil }
        let request = String(decoding: buffered[..<total], as: UTF8.self)
        buffered.removeFirst(total)
        return request
    }
}
