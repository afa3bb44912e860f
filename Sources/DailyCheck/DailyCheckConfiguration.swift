import OpsCore

/// What daily-check reads from its environment (SPEC §10), validated at init.
struct DailyCheckConfiguration: Sendable {
    var scheduled: ScheduledConfiguration
    var datadog: DatadogEndpoint
    var selection: MonitorSelection
    var datadogAPIKey: SecretReference
    var datadogApplicationKey: SecretReference

    init(environment: EnvironmentReader) throws(ConfigurationError) {
        scheduled = try ScheduledConfiguration(environment: environment)
        datadog = try environment.datadogEndpoint()
        selection = try environment.monitorSelection()
        datadogAPIKey = try SecretReference(
            environment, secretIDVariable: "OPS_DATADOG_SECRET_ID", field: "api_key", directVariable: "OPS_DATADOG_API_KEY")
        datadogApplicationKey = try SecretReference(
            environment, secretIDVariable: "OPS_DATADOG_SECRET_ID", field: "app_key", directVariable: "OPS_DATADOG_APP_KEY")
    }
}
