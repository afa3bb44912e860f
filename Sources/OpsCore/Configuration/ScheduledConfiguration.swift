import CivilTime

/// What both scheduled functions read (SPEC §10): the name shown, the zone and slots, the checks table,
/// where reports go, retention and the Slack webhook.
public struct ScheduledConfiguration: Sendable {
    public var systemName: String
    public var zone: ZoneRules
    public var slots: CheckSlots
    public var checksTable: String
    public var reports: ReportSettings
    public var retentionDays: Int
    public var slackWebhook: SecretReference

    public init(environment: EnvironmentReader) throws(ConfigurationError) {
        systemName = try environment.systemName()
        zone = try environment.zone()
        slots = try environment.checkSlots(zone: zone)
        checksTable = try environment.resourceName("OPS_CHECKS_TABLE", what: "the name of the checks DynamoDB table")
        reports = try environment.reportSettings()
        retentionDays = try environment.retentionDays()
        slackWebhook = try environment.slackWebhook()
    }
}
