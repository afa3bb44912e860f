/// A profile as the SDKs read it: the credentials file's section and the config file's `[profile name]`
/// merged, the credentials file winning for a key both hold.
public struct ProfileSettings: Sendable {
    public let name: String
    public let values: [String: String]

    public init?(name: String, credentials: SharedConfigFile, config: SharedConfigFile) {
        let fromCredentials = credentials.credentialsProfile(name)
        let fromConfig = config.configProfile(name)
        guard fromCredentials != nil || fromConfig != nil else { return nil }
        self.name = name
        values = (fromCredentials ?? [:]).merging(fromConfig ?? [:]) { credentialsValue, _ in credentialsValue }
    }

    public subscript(key: String) -> String? { values.nonEmpty(key) }

    /// A whole number within `range`; nil when absent, an error naming the setting when out of range.
    public func integer(_ key: String, in range: ClosedRange<Int>) throws(ProfileSettingError) -> Int? {
        guard let text = self[key] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ProfileSettingError(profile: name, key: key, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The profile's static keys (`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`).
    public func staticCredentials(files: String) throws -> AWSCredentials {
        var credentials = try AWSCredentials.fromSettings(
            source: "profile \"\(name)\" of \(files)",
            accessKeyID: ("aws_access_key_id", self["aws_access_key_id"]),
            secretAccessKey: ("aws_secret_access_key", self["aws_secret_access_key"]),
            sessionToken: self["aws_session_token"] ?? self["aws_security_token"]
        )
        credentials.source = "profile \(name)"
        return credentials
    }
}

/// A profile setting whose value the SDKs would not accept.
public struct ProfileSettingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let profile: String
    public let key: String
    public let expected: String

    public var description: String { "profile \"\(profile)\": \(key) must be \(expected)" }
}
