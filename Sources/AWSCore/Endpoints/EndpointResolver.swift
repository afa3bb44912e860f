import HostSystem

/// The SDKs' convention: `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the service's host in
/// the region's partition: its global endpoint for a global service, else the regional one. The override is
/// how everything runs against a local AWS.
public struct EndpointResolver: Sendable {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessEnvironment.read()) {
        self.environment = environment
    }

    public func endpoint(for service: AWSService, region: String) throws(EndpointError) -> AWSEndpoint {
        try resolve(service, region: region).endpoint
    }

    /// Where requests go and the region they are signed for: a global service is signed for its
    /// partition's signing region (`us-east-1` for IAM in the commercial partition) whatever the region asked.
    public func resolve(_ service: AWSService, region: String) throws(EndpointError) -> (endpoint: AWSEndpoint, signingRegion: String) {
        let partition = AWSPartition.of(region: region)
        let global = globalEndpoint(for: service, partition: partition)
        for variable in [service.endpointVariable, "AWS_ENDPOINT_URL"] {
            if let value = environment.nonEmpty(variable) {
                return (try AWSEndpoint(parsing: value, isCustom: true, variable: variable), global?.signingRegion ?? region)
            }
        }
        if let global { return (AWSEndpoint(scheme: "https", host: global.host, isCustom: false), global.signingRegion) }
        return (AWSEndpoint(scheme: "https", host: "\(service.endpointPrefix).\(region).\(partition.dnsSuffix)", isCustom: false), region)
    }

    /// STS is regional unless `AWS_STS_REGIONAL_ENDPOINTS=legacy` asks for the old global endpoint.
    private func globalEndpoint(for service: AWSService, partition: AWSPartition) -> GlobalEndpoint? {
        if service == .sts && environment.nonEmpty("AWS_STS_REGIONAL_ENDPOINTS") != "legacy" { return nil }
        return service.globalEndpoints[partition.name]
    }
}
