import OpsCore

/// What notification reads from its environment (SPEC §10), validated at init.
struct NotificationConfiguration: Sendable {
    var scheduled: ScheduledConfiguration
    var alertsTable: String

    init(environment: EnvironmentReader) throws(ConfigurationError) {
        scheduled = try ScheduledConfiguration(environment: environment)
        alertsTable = try environment.resourceName("OPS_ALERTS_TABLE", what: "the name of the alerts DynamoDB table")
    }
}
