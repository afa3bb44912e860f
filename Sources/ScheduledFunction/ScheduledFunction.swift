import CivilTime
import HTTPCore
import LambdaRuntime
import OpsCore

/// Runs a scheduled service as this process's Lambda function. Once per cold start the configuration is
/// read and validated first (a bad value is the init error that names it), then the service is built with
/// its clients and secrets; each scheduled event is then handed to it with the invocation's id and deadline.
public enum ScheduledFunction {
    /// The functions' clock: wall time, as the deadlines Lambda gives are.
    public static let clock: @Sendable () -> Instant = { Instant(epochMilliseconds: EpochMilliseconds.now.value) }

    public static func run<Configuration, Service: ScheduledService>(
        configuration readConfiguration: @escaping @Sendable (EnvironmentReader) throws -> Configuration,
        service makeService: @escaping @Sendable (Configuration, FunctionClients) async throws -> Service
    ) async -> Never {
        // One connection pool for AWS, Datadog and Slack, kept for the life of the process: an init failure
        // exits with it still open rather than tearing down a client mid-initialisation.
        let transport = AsyncHTTPClientTransport()
        await LambdaRuntime.run { context in
            let configuration = try readConfiguration(EnvironmentReader(context.environment))
            let clients = try FunctionClients(environment: context.environment, transport: transport, logger: context.logger)
            let service = try await makeService(configuration, clients)
            return EventBytesHandler { event, context in
                try await service.run(
                    event: event, requestID: context.requestID, deadline: Instant(epochMilliseconds: context.deadline.value),
                    logger: context.logger)
            }
        }
    }
}
