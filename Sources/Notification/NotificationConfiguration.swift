import OpsCore

/// What notification reads from its environment (SPEC §10), validated at init.
struct NotificationConfiguration: Sendable {
    var systemName: String
    var zone: ZoneRules
    var slots: CheckSlots
    var alertsTable: String
    var checksTable: String
    var reports: ReportSettings
    var retentionDays: Int
    var slackWebhook: SecretReference

    init(environment: EnvironmentReader) throws(ConfigurationError) {
        systemName = try environment.systemName()
        zone = try environment.zone()
        slots = try environment.checkSlots(zone: zone)
        alertsTable = try environment.resourceName("OPS_ALERTS_TABLE", what: "the name of the alerts DynamoDB table")
        checksTable = try environment.resourceName("OPS_CHECKS_TABLE", what: "the name of the checks DynamoDB table")
        reports = try environment.reportSettings()
        retentionDays = try environment.retentionDays()
        slackWebhook = try environment.slackWebhook()
    }
}
