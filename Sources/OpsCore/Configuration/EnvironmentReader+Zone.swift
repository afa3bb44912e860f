import CivilTime

extension EnvironmentReader {
    /// `OPS_TIMEZONE` (default `Asia/Seoul`): the zone of days, slots and displayed times.
    public func zone() throws(ConfigurationError) -> ZoneRules {
        let name = string("OPS_TIMEZONE", default: "Asia/Seoul")
        do {
            return try ZoneRules.named(name, environment: variables)
        } catch {
            throw ConfigurationError(variable: "OPS_TIMEZONE", value: name, expected: "an IANA zone such as Asia/Seoul (\(error))")
        }
    }

    /// `OPS_RETENTION_DAYS` (default 400): TTL of stored alerts and checks.
    public func retentionDays() throws(ConfigurationError) -> Int {
        try integer("OPS_RETENTION_DAYS", default: 400, range: 1...3650)
    }
}
