import OpsCore
import ScheduledFunction

// daily-check: a schedule event → every selected Datadog monitor checked → checks table, HTML report on S3,
// one Slack post. Configuration and secrets are read once per cold start.
ScheduledFunction.run(configuration: DailyCheckConfiguration.init(environment:)) { configuration, clients in
    let scheduled = configuration.scheduled
    let datadog = DatadogClient(
        endpoint: configuration.datadog,
        keys: DatadogKeys(
            apiKey: try await configuration.datadogAPIKey.resolve(with: clients.secrets),
            applicationKey: try await configuration.datadogApplicationKey.resolve(with: clients.secrets)),
        transport: clients.transport)
    return DailyCheckService(
        slots: scheduled.slots,
        checker: MonitorChecker(client: datadog, selection: configuration.selection, clock: ScheduledFunction.clock),
        store: DynamoDBCheckStore(client: try clients.dynamoDB(), table: scheduled.checksTable, retentionDays: scheduled.retentionDays),
        reports: try await clients.reportStore(scheduled.reports),
        reportPrefix: scheduled.reports.prefix,
        report: CheckReport(systemName: scheduled.systemName, zone: scheduled.zone, datadog: configuration.datadog),
        message: CheckMessage(systemName: scheduled.systemName, zone: scheduled.zone),
        slack: try await clients.slack(scheduled.slackWebhook),
        retentionDays: scheduled.retentionDays,
        clock: ScheduledFunction.clock
    )
}
