import HostSystem

/// Where and how one service is called: the region requests are signed for, endpoint, per-request timeout.
public struct AWSServiceConfiguration: Sendable {
    public let service: AWSService
    public let region: String
    public let endpoint: AWSEndpoint
    public let timeout: Duration

    public init(service: AWSService, region: String, endpoint: AWSEndpoint, timeout: Duration = .seconds(10)) {
        self.service = service
        self.region = region
        self.endpoint = endpoint
        self.timeout = timeout
    }

    /// Region and endpoint from the environment, as the SDKs resolve them.
    public static func resolve(
        _ service: AWSService, environment: [String: String] = ProcessEnvironment.read(), timeout: Duration = .seconds(10)
    ) throws -> AWSServiceConfiguration {
        try resolve(service, region: try RegionResolver(environment: environment).region(), environment: environment, timeout: timeout)
    }

    /// For a region given explicitly (an operator's `--region`), the endpoint still from the environment.
    public static func resolve(
        _ service: AWSService, region: String, environment: [String: String], timeout: Duration = .seconds(10)
    ) throws(EndpointError) -> AWSServiceConfiguration {
        let resolved = try EndpointResolver(environment: environment).resolve(service, region: region)
        return AWSServiceConfiguration(service: service, region: resolved.signingRegion, endpoint: resolved.endpoint, timeout: timeout)
    }
}
