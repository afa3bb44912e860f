import CivilTime

extension EnvironmentReader {
    /// `OPS_TIMEZONE` (default `Asia/Seoul`): the zone of days, slots and displayed times. Only a zone the
    /// functions know without tzdata (Lambda's image may have none) and the schedules can use: tzdata, where
    /// present, still supplies the zone's history.
    public func zone() throws(ConfigurationError) -> ZoneRules {
        let name = string("OPS_TIMEZONE", default: "Asia/Seoul")
        guard ZoneRules.configurable.contains(name) else {
            throw ConfigurationError(
                variable: "OPS_TIMEZONE", value: name,
                expected: "an IANA zone the functions know without tzdata, such as Asia/Seoul, Europe/London or Etc/GMT-9")
        }
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

extension ZoneRules {
    /// The zones `OPS_TIMEZONE` accepts: the built-in ones under their IANA names (`Area/Location`, `UTC`,
    /// `Etc/…`), not the legacy aliases (`ROK`, `US/Eastern`) nor fixed offsets, which EventBridge Scheduler's
    /// `schedule_expression_timezone` would not take. Terraform validates against the same list
    /// (`terraform/modules/opsdaily/value-domains.json`).
    public static let configurable: Set<String> = Set(builtInIdentifiers.filter(isIANAName))

    static func isIANAName(_ name: String) -> Bool {
        if name == "UTC" || name == "Etc/GMT" { return true }
        if name.hasPrefix("Etc/GMT+") || name.hasPrefix("Etc/GMT-") {
            let hours = name.dropFirst("Etc/GMT+".count)
            return hours.first != "0" && Int(hours).map { (1...14).contains($0) } == true
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let area = parts.first else { return false }
        let isUpper = { (c: Character) in c.isASCII && c.isUppercase }
        let isLower = { (c: Character) in c.isASCII && c.isLowercase }
        guard area.count > 1, isUpper(area.first!), area.dropFirst().allSatisfy(isLower) else { return false }
        return parts.dropFirst().allSatisfy { part in
            part.first.map(isUpper) == true && part.allSatisfy { isUpper($0) || isLower($0) || $0 == "_" }
        }
    }
}
