#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HostSystem
import Logging
import NIOCore
import NIOPosix

/// Starts a function: connects to the Runtime API, builds the handler once, then serves invocations until
/// the process is stopped. It never returns: every unrecoverable condition ends the process with status 1,
/// which is how Lambda expects a runtime to ask for a restart.
///
/// Call it from a synchronous `main.swift` (no top-level `await`). An async `main` parks the main thread in
/// `dispatch_main`, which ends it with `pthread_exit`; unwinding it makes libgcc sort every FDE of the static
/// binary's `.eh_frame` first: a quarter of a function's page faults before its first `/next`, half of a no-op
/// function's. Here the main thread serves the Runtime API connection instead, and is never unwound.
public enum LambdaRuntime {
    public static func run<Handler: LambdaHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler
    ) -> Never where Handler.Output: Encodable {
        start { CodableHandlerAdapter(try await makeHandler($0)) }
    }

    public static func run<Handler: LambdaHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler
    ) -> Never where Handler.Output == ByteBuffer {
        start { CodableHandlerAdapter(try await makeHandler($0)) }
    }

    public static func run<Handler: LambdaHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler
    ) -> Never where Handler.Output == Void {
        start { CodableHandlerAdapter(try await makeHandler($0)) }
    }

    public static func run<Handler: LambdaRawHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler
    ) -> Never {
        start(makeHandler)
    }

    private static func start(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> any LambdaRawHandler
    ) -> Never {
        MultiThreadedEventLoopGroup.withCurrentThreadAsEventLoop { loop in
            Task { await serve(makeHandler, on: loop) }
        }
        // Nothing stops the loop: `serve` ends the process.
        exit(1)
    }

    private static func serve(
        _ makeHandler: @Sendable (LambdaInitializationContext) async throws -> any LambdaRawHandler,
        on loop: any EventLoop
    ) async -> Never {
        let environment = ProcessEnvironment.read()
        let endpoint: RuntimeAPIEndpoint
        do {
            guard let api = environment["AWS_LAMBDA_RUNTIME_API"], !api.isEmpty else {
                throw RuntimeError.missingRuntimeAPI
            }
            endpoint = try RuntimeAPIEndpoint(api)
        } catch {
            // Without an endpoint there is nobody to report an init error to.
            StandardErrorLog.write("opsdaily runtime: \(error)")
            exit(1)
        }

        let channel: RuntimeAPIConnection.Channel
        do {
            channel = try await RuntimeAPIConnection.connect(to: endpoint, group: loop)
        } catch {
            StandardErrorLog.write("opsdaily runtime: \(error)")
            exit(1)
        }

        do {
            try await channel.executeThenClose { inbound, outbound in
                var connection = RuntimeAPIConnection(inbound: inbound, outbound: outbound, endpoint: endpoint)
                let (handler, logger) = try await initialize(
                    connection: &connection,
                    environment: environment,
                    makeHandler: makeHandler
                )
                try await RuntimeLoop(handler: handler, logger: logger).run(connection: &connection)
            }
        } catch {
            StandardErrorLog.write("opsdaily runtime: stopping: \(error)")
        }
        exit(1)
    }

    /// Validates the runtime's own settings, sets up logging and builds the handler. Any failure is reported
    /// once on `/runtime/init/error`, after which the process exits.
    private static func initialize(
        connection: inout RuntimeAPIConnection,
        environment: [String: String],
        makeHandler: @Sendable (LambdaInitializationContext) async throws -> any LambdaRawHandler
    ) async throws -> (any LambdaRawHandler, Logger) {
        var logger = Logger(label: "lambda-runtime")
        do {
            let configuration = try RuntimeConfiguration(environment: environment)
            LoggingSystem.bootstrap { label in
                LambdaLogHandler(
                    label: label,
                    format: configuration.logFormat == .json ? .json : .text,
                    level: configuration.logLevel
                )
            }
            logger = Logger(label: "lambda-runtime")
            let handler = try await makeHandler(LambdaInitializationContext(logger: logger, environment: environment))
            return (handler, logger)
        } catch {
            let report = FunctionError(describing: error)
            logger.critical("initialization failed: \(report.errorType): \(report.errorMessage)")
            let answer = try await connection.send(.initializationError(report))
            if answer.status != .accepted {
                logger.error("the Runtime API answered the init error with HTTP \(answer.status.code)")
            }
            exit(1)
        }
    }
}

/// Last-resort diagnostics for failures that happen before logging is set up.
enum StandardErrorLog {
    static func write(_ message: String) {
        var line = message
        line.append("\n")
        line.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress!, $0.count) }
    }
}
