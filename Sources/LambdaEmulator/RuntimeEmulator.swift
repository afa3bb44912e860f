import NIOCore
import NIOHTTP1
import NIOPosix

/// A local stand-in for the Lambda service around one function: it serves the Runtime API to the function
/// and the Invoke API to callers on one loopback port, and can start the function process itself.
public final class RuntimeEmulator: Sendable {
    public let configuration: EmulatorConfiguration
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let serverChannel: any Channel
    let broker: NIOLoopBound<InvocationBroker>

    /// Binds the emulator; with `port` 0 the system picks a free port (see `port`).
    public init(configuration: EmulatorConfiguration, host: String = "127.0.0.1", port: Int = 0) async throws {
        self.configuration = configuration
        // One loop for everything: the broker's state is confined to it, so it needs no locks.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let broker = try await loop.submit {
            NIOLoopBound(InvocationBroker(eventLoop: loop, configuration: configuration), eventLoop: loop)
        }.get()
        do {
            serverChannel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        try channel.pipeline.syncOperations.addHandler(EmulatorHTTPHandler(broker: broker))
                    }
                }
                .bind(host: host, port: port)
                .get()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        guard let boundPort = serverChannel.localAddress?.port else { throw EmulatorError.notRunning }
        self.port = boundPort
        self.group = group
        self.broker = broker
        try await loop.submit { broker.value.port = boundPort }.get()
    }

    public var eventLoop: any EventLoop { broker.eventLoop }

    /// Starts the configured function process now rather than on the first invocation.
    public func startFunction() async throws {
        let broker = self.broker
        try await eventLoop.submit { try broker.value.startProcessIfNeeded() }.get()
    }

    /// Invokes the function as the Invoke API would, and waits for the result.
    public func invoke(_ payload: ByteBuffer, clientContext: String? = nil) async throws -> InvocationResult {
        let broker = self.broker
        return try await eventLoop.flatSubmit { broker.value.invoke(payload: payload, clientContext: clientContext) }.get()
    }

    public func statistics() async throws -> EmulatorStatistics {
        let broker = self.broker
        return try await eventLoop.submit { broker.value.statistics }.get()
    }

    /// Kills the function process, if one runs, and waits until it has gone.
    @discardableResult
    public func stopFunction() async throws -> Int32? {
        let broker = self.broker
        let exit = try await eventLoop.flatSubmit { () -> EventLoopFuture<Int32?> in
            guard broker.value.processID != nil else { return broker.eventLoop.makeSucceededFuture(nil) }
            let exited = broker.value.waitForProcessExit().map { Optional($0.status) }
            broker.value.stopProcess()
            return exited
        }.get()
        return exit
    }

    public func shutdown() async throws {
        try await stopFunction()
        let broker = self.broker
        try await eventLoop.submit { broker.value.cancelAll() }.get()
        try await serverChannel.close()
        try await group.shutdownGracefully()
    }
}
