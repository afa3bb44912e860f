#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where and how one service is called: region, endpoint, per-request timeout.
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
        _ service: AWSService, environment: [String: String] = ProcessInfo.processInfo.environment, timeout: Duration = .seconds(10)
    ) throws -> AWSServiceConfiguration {
        let region = try RegionResolver(environment: environment).region()
        let endpoint = try EndpointResolver(environment: environment).endpoint(for: service, region: region)
        return AWSServiceConfiguration(service: service, region: region, endpoint: endpoint, timeout: timeout)
    }
}
