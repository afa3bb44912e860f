#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Static keys of a named profile (`AWS_PROFILE`, else `default`) from the shared credentials file, then the
/// config file. The files are read once, at the first call that finds credentials.
public final class ProfileCredentialProvider: CredentialProvider {
    public let profile: String
    private let paths: (credentials: String, config: String)
    private let cache = Mutex<AWSCredentials?>(nil)

    public init(profile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.profile = profile ?? environment.nonEmpty("AWS_PROFILE") ?? "default"
        self.paths = SharedConfigFile.paths(environment: environment)
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached = cache.withLock({ $0 }) { return cached }
        let credentials = try load()
        cache.withLock { $0 = credentials }
        return credentials
    }

    private func load() throws -> AWSCredentials {
        let fromCredentials = try SharedConfigFile(contentsOf: paths.credentials).credentialsProfile(profile) ?? [:]
        let fromConfig = try SharedConfigFile(contentsOf: paths.config).configProfile(profile) ?? [:]
        // Per key, the credentials file wins over the config file, as in botocore.
        let settings = fromCredentials.merging(fromConfig) { credentialsValue, _ in credentialsValue }
        return try AWSCredentials.fromSettings(
            source: "profile \"\(profile)\" of \(paths.credentials) or \(paths.config)",
            accessKeyID: ("aws_access_key_id", settings.nonEmpty("aws_access_key_id")),
            secretAccessKey: ("aws_secret_access_key", settings.nonEmpty("aws_secret_access_key")),
            sessionToken: settings.nonEmpty("aws_session_token") ?? settings.nonEmpty("aws_security_token")
        )
    }
}
