/// The names one AWS service goes by: in signatures, in its default host name, and in
/// `AWS_ENDPOINT_URL_<ID>` (the service id upper-cased, spaces as underscores); and, for a global service,
/// its endpoint in each partition.
public struct AWSService: Sendable, Equatable {
    public let signingName: String
    public let endpointPrefix: String
    public let serviceID: String
    /// Partition name (`aws`, `aws-cn`, `aws-us-gov`) to the service's one endpoint there; empty for a regional service.
    public let globalEndpoints: [String: GlobalEndpoint]

    public init(signingName: String, endpointPrefix: String, serviceID: String, globalEndpoints: [String: GlobalEndpoint] = [:]) {
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.serviceID = serviceID
        self.globalEndpoints = globalEndpoints
    }

    public var endpointVariable: String {
        "AWS_ENDPOINT_URL_" + String(serviceID.uppercased().map { $0 == " " ? "_" : $0 })
    }

    /// A regional service: signing name, endpoint prefix and the id are as given.
    public static func regional(_ signingName: String, serviceID: String, endpointPrefix: String? = nil) -> AWSService {
        AWSService(signingName: signingName, endpointPrefix: endpointPrefix ?? signingName, serviceID: serviceID)
    }

    public static let dynamoDB = AWSService(signingName: "dynamodb", endpointPrefix: "dynamodb", serviceID: "DynamoDB")
    public static let s3 = AWSService(signingName: "s3", endpointPrefix: "s3", serviceID: "S3")
    public static let secretsManager = AWSService(signingName: "secretsmanager", endpointPrefix: "secretsmanager", serviceID: "Secrets Manager")
    public static let sts = AWSService(
        signingName: "sts", endpointPrefix: "sts", serviceID: "STS",
        globalEndpoints: ["aws": GlobalEndpoint(host: "sts.amazonaws.com", signingRegion: "us-east-1")])
    public static let iam = AWSService(signingName: "iam", endpointPrefix: "iam", serviceID: "IAM", globalEndpoints: [
        "aws": GlobalEndpoint(host: "iam.amazonaws.com", signingRegion: "us-east-1"),
        "aws-cn": GlobalEndpoint(host: "iam.cn-north-1.amazonaws.com.cn", signingRegion: "cn-north-1"),
        "aws-us-gov": GlobalEndpoint(host: "iam.us-gov.amazonaws.com", signingRegion: "us-gov-west-1"),
    ])
    public static let route53 = AWSService(signingName: "route53", endpointPrefix: "route53", serviceID: "Route 53", globalEndpoints: [
        "aws": GlobalEndpoint(host: "route53.amazonaws.com", signingRegion: "us-east-1"),
        "aws-cn": GlobalEndpoint(host: "route53.amazonaws.com.cn", signingRegion: "cn-northwest-1"),
        "aws-us-gov": GlobalEndpoint(host: "route53.us-gov.amazonaws.com", signingRegion: "us-gov-west-1"),
    ])
    public static let cloudFront = AWSService(signingName: "cloudfront", endpointPrefix: "cloudfront", serviceID: "CloudFront", globalEndpoints: [
        "aws": GlobalEndpoint(host: "cloudfront.amazonaws.com", signingRegion: "us-east-1"),
        "aws-cn": GlobalEndpoint(host: "cloudfront.cn-northwest-1.amazonaws.com.cn", signingRegion: "cn-northwest-1"),
    ])
    public static let costExplorer = AWSService(signingName: "ce", endpointPrefix: "ce", serviceID: "Cost Explorer", globalEndpoints: [
        "aws": GlobalEndpoint(host: "ce.us-east-1.amazonaws.com", signingRegion: "us-east-1"),
        "aws-cn": GlobalEndpoint(host: "ce.cn-northwest-1.amazonaws.com.cn", signingRegion: "cn-northwest-1"),
    ])
}
