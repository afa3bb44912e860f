import OpsCore

/// What daily-check reads from its environment (SPEC §10), validated at init.
struct DailyCheckConfiguration: Sendable {
    var systemName: String
    var zone: ZoneRules
    var slots: CheckSlots
    var checksTable: String
    var reports: ReportSettings
    var retentionDays: Int
    var datadog: DatadogEndpoint
    var selection: MonitorSelection
    var datadogAPIKey: SecretReference
    var datadogApplicationKey: SecretReference
    var slackWebhook: SecretReference

    init(environment: EnvironmentReader) throws(ConfigurationError) {
        systemName = try environment.systemName()
        zone = try environment.zone()
        slots = try environment.checkSlots(zone: zone)
        checksTable = try environment.resourceName("OPS_CHECKS_TABLE", what: "the name of the checks DynamoDB table")
        reports = try environment.reportSettings()
        retentionDays = try environment.retentionDays()
        datadog = try environment.datadogEndpoint()
        selection = try environment.monitorSelection()
        datadogAPIKey = try SecretReference(
            environment, secretIDVariable: "OPS_DATADOG_SECRET_ID", field: "api_key", directVariable: "OPS_DATADOG_API_KEY")
        datadogApplicationKey = try SecretReference(
            environment, secretIDVariable: "OPS_DATADOG_SECRET_ID", field: "app_key", directVariable: "OPS_DATADOG_APP_KEY")
        slackWebhook = try environment.slackWebhook()
    }
}
