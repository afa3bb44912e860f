import AWSCore
import LambdaRuntime
import OpsCore

// collection: Datadog webhook (Function URL) → alerts table. Configuration is validated here, once per
// cold start; a bad value becomes the init error that names it.

// The connection pool to AWS, kept for the life of the process: an init failure exits with it still
// open rather than tearing down a client mid-initialisation.
let transport = AsyncHTTPClientTransport()
await LambdaRuntime.run { context in
    let environment = EnvironmentReader(context.environment)
    let configuration = try CollectionConfiguration(environment: environment)
    let aws = AWSClient.lambdaDefault(environment: context.environment, transport: transport, logger: context.logger)
    let dynamoDB = DynamoDBClient(
        client: aws,
        // Datadog gives up after 15 s: retries of a write must end well before that.
        configuration: try AWSServiceConfiguration.resolve(.dynamoDB, environment: context.environment, timeout: .seconds(2))
    )
    let secrets = SecretCache(client: SecretsManagerClient(
        client: aws,
        configuration: try AWSServiceConfiguration.resolve(.secretsManager, environment: context.environment)
    ))
    return CollectionHandler(ingestor: WebhookIngestor(
        parser: configuration.parser,
        store: DynamoDBAlertStore(client: dynamoDB, table: configuration.alertsTable),
        tokenHeader: configuration.tokenHeader,
        token: configuration.token,
        secrets: secrets,
        now: { EpochMilliseconds.now.value }
    ))
}
