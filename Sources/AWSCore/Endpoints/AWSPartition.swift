/// A group of regions with its own DNS suffix and ARN prefix: the commercial regions, China, GovCloud.
/// Which one a region belongs to decides host names, global endpoints and ARNs (`arn:aws-cn:…`).
public struct AWSPartition: Sendable, Equatable, CustomStringConvertible {
    /// `aws`, `aws-cn`, `aws-us-gov`: the second field of every ARN.
    public let name: String
    public let dnsSuffix: String

    public static let aws = AWSPartition(name: "aws", dnsSuffix: "amazonaws.com")
    public static let china = AWSPartition(name: "aws-cn", dnsSuffix: "amazonaws.com.cn")
    public static let govCloud = AWSPartition(name: "aws-us-gov", dnsSuffix: "amazonaws.com")

    /// The partition of a region name: `cn-…` China, `us-gov-…` GovCloud, anything else commercial (as the
    /// SDKs fall back for a region they do not know).
    public static func of(region: String) -> AWSPartition {
        if region.hasPrefix("cn-") { return .china }
        if region.hasPrefix("us-gov-") { return .govCloud }
        return .aws
    }

    public var description: String { name }
}
