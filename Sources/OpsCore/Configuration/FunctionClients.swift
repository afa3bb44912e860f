import AWSCore
import HTTPCore
import Logging

/// The clients a function builds once per cold start from its environment, all on the process's one
/// transport: AWS (credentials as Lambda gives them), Secrets Manager behind a cache, and what the
/// configuration names (tables, the report bucket, the Slack webhook).
public struct FunctionClients: Sendable {
    public let environment: [String: String]
    public let transport: any HTTPTransport
    public let aws: AWSClient
    public let secrets: SecretCache
    public let logger: Logger

    public init(environment: [String: String], transport: any HTTPTransport, logger: Logger) throws {
        self.environment = environment
        self.transport = transport
        self.logger = logger
        aws = AWSClient.lambdaDefault(environment: environment, transport: transport, logger: logger)
        secrets = SecretCache(client: SecretsManagerClient(
            client: aws, configuration: try AWSServiceConfiguration.resolve(.secretsManager, environment: environment)))
    }

    /// `timeout` bounds each request; collection's is short because Datadog gives up after 15 s.
    public func dynamoDB(timeout: Duration = .seconds(10)) throws -> DynamoDBClient {
        DynamoDBClient(client: aws, configuration: try AWSServiceConfiguration.resolve(.dynamoDB, environment: environment, timeout: timeout))
    }

    public func slack(_ webhook: SecretReference) async throws -> SlackWebhookClient {
        SlackWebhookClient(url: try SlackWebhookURL(try await webhook.resolve(with: secrets)), transport: transport)
    }

    /// The report bucket, with the dedicated signing key read from its secret when one is configured.
    public func reportStore(_ settings: ReportSettings) async throws -> S3ReportStore {
        let s3 = S3Client(client: aws, configuration: try AWSServiceConfiguration.resolve(.s3, environment: environment))
        return await S3ReportStore.configured(s3: s3, settings: settings, secrets: secrets, logger: logger)
    }
}
