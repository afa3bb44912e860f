import AWSCore
import LambdaRuntime
import OpsCore

// daily-check: a schedule event → every selected Datadog monitor checked → checks table, HTML report on S3,
// one Slack post. Configuration and secrets are read here, once per cold start.

// One connection pool for AWS, Datadog and Slack, kept for the life of the process: an init failure
// exits with it still open rather than tearing down a client mid-initialisation.
let transport = AsyncHTTPClientTransport()
await LambdaRuntime.run { context in
    let configuration = try DailyCheckConfiguration(environment: EnvironmentReader(context.environment))
    let aws = AWSClient.lambdaDefault(environment: context.environment, transport: transport, logger: context.logger)
    let secrets = SecretCache(client: SecretsManagerClient(
        client: aws, configuration: try AWSServiceConfiguration.resolve(.secretsManager, environment: context.environment)))
    let datadog = DatadogClient(
        endpoint: configuration.datadog,
        keys: DatadogKeys(
            apiKey: try await configuration.datadogAPIKey.resolve(with: secrets),
            applicationKey: try await configuration.datadogApplicationKey.resolve(with: secrets)),
        transport: transport)
    let slack = SlackWebhookClient(url: try SlackWebhookURL(try await configuration.slackWebhook.resolve(with: secrets)), transport: transport)
    let dynamoDB = DynamoDBClient(
        client: aws, configuration: try AWSServiceConfiguration.resolve(.dynamoDB, environment: context.environment))
    let s3 = S3Client(client: aws, configuration: try AWSServiceConfiguration.resolve(.s3, environment: context.environment))
    let service = DailyCheckService(
        slots: configuration.slots,
        checker: MonitorChecker(client: datadog, selection: configuration.selection, clock: { Instant(epochMilliseconds: EpochMilliseconds.now.value) }),
        store: DynamoDBCheckStore(client: dynamoDB, table: configuration.checksTable, retentionDays: configuration.retentionDays),
        reports: try await S3ReportStore.configured(s3: s3, settings: configuration.reports, secrets: secrets),
        reportPrefix: configuration.reports.prefix,
        report: CheckReport(systemName: configuration.systemName, zone: configuration.zone, datadog: configuration.datadog),
        message: CheckMessage(systemName: configuration.systemName, zone: configuration.zone),
        slack: slack,
        retentionDays: configuration.retentionDays,
        clock: { Instant(epochMilliseconds: EpochMilliseconds.now.value) }
    )
    return EventBytesHandler { event, context in
        try await service.run(
            event: event, requestID: context.requestID, deadline: Instant(epochMilliseconds: context.deadline.value),
            logger: context.logger)
    }
}
