import CivilTime
import OpsCore

/// What collection reads from its environment (SPEC §10), validated at init.
struct CollectionConfiguration: Sendable {
    var alertsTable: String
    var zone: ZoneRules
    var retentionDays: Int
    var tokenHeader: String
    var token: SecretReference

    init(environment: EnvironmentReader) throws(ConfigurationError) {
        alertsTable = try environment.resourceName("OPS_ALERTS_TABLE", what: "the name of the alerts DynamoDB table")
        zone = try environment.zone()
        retentionDays = try environment.retentionDays()
        tokenHeader = try environment.headerName("OPS_WEBHOOK_TOKEN_HEADER", default: "X-Ops-Webhook-Token")
        token = try SecretReference(
            environment,
            secretIDVariable: "OPS_WEBHOOK_SECRET_ID",
            field: "token",
            directVariable: "OPS_WEBHOOK_TOKEN"
        )
    }

    /// The parser with this configuration's retention and zone.
    var parser: AlertParser {
        let zone = self.zone
        return AlertParser(retentionDays: retentionDays) { milliseconds in
            zone.localDate(at: Instant(epochMilliseconds: milliseconds)).description
        }
    }
}
