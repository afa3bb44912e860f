import HostSystem

/// `AWS_REGION` (what Lambda sets), then `AWS_DEFAULT_REGION`, then `region` of the profile in the shared config file.
public struct RegionResolver: Sendable {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessEnvironment.read()) {
        self.environment = environment
    }

    public func region() throws -> String {
        if let region = environment.nonEmpty("AWS_REGION") ?? environment.nonEmpty("AWS_DEFAULT_REGION") {
            return region
        }
        let profile = environment.nonEmpty("AWS_PROFILE") ?? "default"
        let config = try SharedConfigFile(contentsOf: SharedConfigFile.paths(environment: environment).config)
        if let region = config.configProfile(profile)?["region"], !region.isEmpty {
            return region
        }
        throw EndpointError.missingRegion
    }
}
