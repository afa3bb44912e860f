import AWSCore
import LambdaRuntime
import OpsCore

// notification: a schedule event five minutes after a check → the alerts since the previous slot and of
// the local day so far, the slot's check run → alert report on S3, one Slack digest. Configuration and
// secrets are read here, once per cold start.

// One connection pool for AWS, Datadog and Slack, kept for the life of the process: an init failure
// exits with it still open rather than tearing down a client mid-initialisation.
let transport = AsyncHTTPClientTransport()
await LambdaRuntime.run { context in
    let configuration = try NotificationConfiguration(environment: EnvironmentReader(context.environment))
    let aws = AWSClient.lambdaDefault(environment: context.environment, transport: transport, logger: context.logger)
    let secrets = SecretCache(client: SecretsManagerClient(
        client: aws, configuration: try AWSServiceConfiguration.resolve(.secretsManager, environment: context.environment)))
    let slack = SlackWebhookClient(
        url: try SlackWebhookURL(try await configuration.slackWebhook.resolve(with: secrets)), transport: transport)
    let dynamoDB = DynamoDBClient(
        client: aws, configuration: try AWSServiceConfiguration.resolve(.dynamoDB, environment: context.environment))
    let s3 = S3Client(client: aws, configuration: try AWSServiceConfiguration.resolve(.s3, environment: context.environment))
    let service = NotificationService(
        slots: configuration.slots,
        alerts: DynamoDBAlertReader(client: dynamoDB, table: configuration.alertsTable, zone: configuration.zone),
        checks: DynamoDBCheckStore(client: dynamoDB, table: configuration.checksTable, retentionDays: configuration.retentionDays),
        reports: try await S3ReportStore.configured(s3: s3, settings: configuration.reports, secrets: secrets),
        reportPrefix: configuration.reports.prefix,
        report: AlertReport(systemName: configuration.systemName, zone: configuration.zone),
        message: DigestMessage(systemName: configuration.systemName, zone: configuration.zone),
        slack: slack,
        clock: { Instant(epochMilliseconds: EpochMilliseconds.now.value) }
    )
    return EventBytesHandler { event, context in
        try await service.run(
            event: event, requestID: context.requestID, deadline: Instant(epochMilliseconds: context.deadline.value),
            logger: context.logger)
    }
}
