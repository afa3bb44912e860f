import HTTP1Client
import HTTPCore
import LambdaRuntime
import OpsCore

// collection: Datadog webhook (Function URL) → alerts table. Configuration is validated once per cold
// start; a bad value becomes the init error that names it.

// The connection pool to AWS, kept for the life of the process: an init failure exits with it still
// open rather than tearing down a client mid-initialisation.
let transport = HTTP1Transport()
LambdaRuntime.run { context in
    let configuration = try CollectionConfiguration(environment: EnvironmentReader(context.environment))
    let clients = try FunctionClients(environment: context.environment, transport: transport, logger: context.logger)
    return CollectionHandler(ingestor: WebhookIngestor(
        parser: configuration.parser,
        // Datadog gives up after 15 s: retries of a write must end well before that.
        store: DynamoDBAlertStore(client: try clients.dynamoDB(timeout: .seconds(2)), table: configuration.alertsTable),
        tokenHeader: configuration.tokenHeader,
        token: configuration.token,
        secrets: clients.secrets,
        now: { EpochMilliseconds.now.value }
    ))
}
