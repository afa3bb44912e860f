import CivilTime
import HTTPCore

extension EnvironmentReader {
    /// `OPS_SYSTEM_NAME` (default `ops`): shown in messages and reports.
    public func systemName() throws(ConfigurationError) -> String {
        let value = string("OPS_SYSTEM_NAME", default: "ops")
        guard value.count <= 60, !value.contains(where: { $0 == "\n" || $0 == "\r" }) else {
            throw ConfigurationError(variable: "OPS_SYSTEM_NAME", value: value, expected: "a one-line name of at most 60 characters")
        }
        return value
    }

    /// `OPS_CHECK_SLOTS` (default `09:00,20:00`) in the configured zone.
    public func checkSlots(zone: ZoneRules) throws(ConfigurationError) -> CheckSlots {
        let text = string("OPS_CHECK_SLOTS", default: "09:00,20:00")
        do {
            return try CheckSlots(parsing: text, zone: zone)
        } catch {
            throw ConfigurationError(variable: "OPS_CHECK_SLOTS", value: text, expected: "local times like 09:00,20:00 (\(error))")
        }
    }

    /// Where reports go and how long their links live (`OPS_REPORT_*`).
    public func reportSettings() throws(ConfigurationError) -> ReportSettings {
        let prefix = string("OPS_REPORT_PREFIX", default: "reports/")
        guard prefix.utf8.count <= 200, !prefix.hasPrefix("/"), !prefix.containsText("..") else {
            throw ConfigurationError(variable: "OPS_REPORT_PREFIX", value: prefix, expected: "an S3 key prefix such as reports/")
        }
        return ReportSettings(
            bucket: try resourceName("OPS_REPORT_BUCKET", what: "the name of the report S3 bucket"),
            prefix: prefix,
            urlLifetimeSeconds: try integer("OPS_REPORT_URL_TTL", default: 43_200, range: 60...604_800),
            signingKey: optional("OPS_REPORT_SIGNING_SECRET_ID").map(ReportSigningKey.init(secretID:))
        )
    }

    /// The Slack incoming webhook: `OPS_SLACK_SECRET_ID` (`{"webhook_url": …}`) or, locally, `OPS_SLACK_WEBHOOK_URL`.
    public func slackWebhook() throws(ConfigurationError) -> SecretReference {
        try SecretReference(self, secretIDVariable: "OPS_SLACK_SECRET_ID", field: "webhook_url", directVariable: "OPS_SLACK_WEBHOOK_URL")
    }
}
