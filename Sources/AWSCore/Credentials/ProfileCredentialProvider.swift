import HostSystem
import Synchronization

/// Static keys of a named profile (`AWS_PROFILE`, else `default`) from the shared credentials file, then the
/// config file. The files are read once, at the first call that finds credentials.
public final class ProfileCredentialProvider: CredentialProvider {
    public let profile: String
    /// The files' paths are found by the first call: without `HOME` (as on Lambda) that asks the user
    /// database, which a process whose credentials are in its environment never needs.
    private let environment: [String: String]
    private let cache = Mutex<AWSCredentials?>(nil)

    public init(profile: String? = nil, environment: [String: String] = ProcessEnvironment.read()) {
        self.profile = profile ?? environment.nonEmpty("AWS_PROFILE") ?? "default"
        self.environment = environment
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached = cache.withLock({ $0 }) { return cached }
        let credentials = try load()
        cache.withLock { $0 = credentials }
        return credentials
    }

    private func load() throws -> AWSCredentials {
        let paths = SharedConfigFile.paths(environment: environment)
        let credentials = try SharedConfigFile(contentsOf: paths.credentials)
        let config = try SharedConfigFile(contentsOf: paths.config)
        let files = "\(paths.credentials) or \(paths.config)"
        guard let settings = ProfileSettings(name: profile, credentials: credentials, config: config) else {
            throw CredentialProviderError.notFound(source: "profile \"\(profile)\" of \(files)")
        }
        return try settings.staticCredentials(files: files)
    }
}
