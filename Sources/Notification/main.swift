import OpsCore
import ScheduledFunction

// notification: a schedule event five minutes after a check → the alerts since the previous slot and of
// the local day so far, the slot's check run → alert report on S3, one Slack digest. Configuration and
// secrets are read once per cold start.
ScheduledFunction.run(configuration: NotificationConfiguration.init(environment:)) { configuration, clients in
    let scheduled = configuration.scheduled
    let dynamoDB = try clients.dynamoDB()
    return NotificationService(
        slots: scheduled.slots,
        alerts: DynamoDBAlertReader(client: dynamoDB, table: configuration.alertsTable, zone: scheduled.zone),
        checks: DynamoDBCheckStore(client: dynamoDB, table: scheduled.checksTable, retentionDays: scheduled.retentionDays),
        reports: try await clients.reportStore(scheduled.reports),
        reportPrefix: scheduled.reports.prefix,
        report: AlertReport(systemName: scheduled.systemName, zone: scheduled.zone),
        message: DigestMessage(systemName: scheduled.systemName, zone: scheduled.zone),
        slack: try await clients.slack(scheduled.slackWebhook),
        clock: ScheduledFunction.clock
    )
}
