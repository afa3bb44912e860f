#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The SDKs' convention: `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the service's
/// regional host. The override is how every function runs against a local AWS.
public struct EndpointResolver: Sendable {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func endpoint(for service: AWSService, region: String) throws(EndpointError) -> AWSEndpoint {
        for variable in [service.endpointVariable, "AWS_ENDPOINT_URL"] {
            if let value = environment.nonEmpty(variable) {
                return try AWSEndpoint(parsing: value, isCustom: true, variable: variable)
            }
        }
        return AWSEndpoint(scheme: "https", host: Self.regionalHost(prefix: service.endpointPrefix, region: region), isCustom: false)
    }

    /// `<prefix>.<region>.amazonaws.com`, with the China partition's own domain.
    static func regionalHost(prefix: String, region: String) -> String {
        "\(prefix).\(region).\(region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com")"
    }
}
