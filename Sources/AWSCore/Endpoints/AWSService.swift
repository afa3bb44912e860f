/// The names one AWS service goes by: in signatures, in its default host name, and in
/// `AWS_ENDPOINT_URL_<ID>` (the service id upper-cased, spaces as underscores).
public struct AWSService: Sendable, Equatable {
    public let signingName: String
    public let endpointPrefix: String
    public let serviceID: String

    public init(signingName: String, endpointPrefix: String, serviceID: String) {
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.serviceID = serviceID
    }

    public var endpointVariable: String {
        "AWS_ENDPOINT_URL_" + serviceID.uppercased().replacing(" ", with: "_")
    }

    public static let dynamoDB = AWSService(signingName: "dynamodb", endpointPrefix: "dynamodb", serviceID: "DynamoDB")
    public static let s3 = AWSService(signingName: "s3", endpointPrefix: "s3", serviceID: "S3")
    public static let secretsManager = AWSService(signingName: "secretsmanager", endpointPrefix: "secretsmanager", serviceID: "Secrets Manager")
}
