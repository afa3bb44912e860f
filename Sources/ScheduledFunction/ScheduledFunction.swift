import CivilTime
import HTTP1Client
import HTTPCore
import LambdaRuntime
import OpsCore

/// Runs a scheduled service as this process's Lambda function. At init the configuration is read and
/// validated (a bad value is the init error that names it); the first scheduled event then builds the service
/// with its clients and secrets, and every event is handed to it with the invocation's id and deadline.
///
/// Building the service reads secrets: at init that would start the connection pool, its threads and a
/// Secrets Manager connection before the first `/next` (a third more page faults, 2 MB more RSS, twice the
/// time to it). A build that fails fails its invocation, and the next event builds again.
public enum ScheduledFunction {
    /// The functions' clock: wall time, as the deadlines Lambda gives are.
    public static let clock: @Sendable () -> Instant = Instant.now

    public static func run<Configuration: Sendable, Service: ScheduledService>(
        configuration readConfiguration: @escaping @Sendable (EnvironmentReader) throws -> Configuration,
        service makeService: @escaping @Sendable (Configuration, FunctionClients) async throws -> Service
    ) -> Never {
        // One connection pool for AWS, Datadog and Slack, kept for the life of the process: an init failure
        // exits with it still open rather than tearing down a client mid-initialisation.
        let transport = HTTP1Transport()
        LambdaRuntime.run { context in
            let configuration = try readConfiguration(EnvironmentReader(context.environment))
            let clients = try FunctionClients(environment: context.environment, transport: transport, logger: context.logger)
            let service = BuiltOnce { try await makeService(configuration, clients) }
            return EventBytesHandler { event, context in
                try await service.value().run(
                    event: event, requestID: context.requestID, deadline: Instant(epochMilliseconds: context.deadline.value),
                    logger: context.logger)
            }
        }
    }
}
