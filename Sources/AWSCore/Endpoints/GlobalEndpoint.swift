/// A service answering one endpoint per partition rather than one per region (IAM, Route 53, CloudFront,
/// Cost Explorer, and STS when regional endpoints are turned off), signed for that endpoint's region.
/// From the SDKs' endpoint data (`partitionEndpoint` with its `credentialScope`).
public struct GlobalEndpoint: Sendable, Equatable {
    public let host: String
    public let signingRegion: String

    public init(host: String, signingRegion: String) {
        self.host = host
        self.signingRegion = signingRegion
    }
}
