/// How a service puts its operations on the wire: the `protocol` of its API model. Six, which between them
/// cover every service the functions and the operators' tools call.
public enum WireProtocol: Sendable, Equatable {
    /// Form-encoded `Action=…&Version=…` POSTs, XML answers wrapped in `<OpResponse><OpResult>` (IAM, STS,
    /// SNS, RDS, ELB, CloudWatch).
    case query(apiVersion: String)
    /// The query protocol as EC2 speaks it: the answer is `<OpResponse>` itself, lists are `<item>`s, errors
    /// are `<Response><Errors><Error>`.
    case ec2(apiVersion: String)
    /// `POST /` naming the operation in `X-Amz-Target: <prefix>.<Op>`, JSON in and out; version `1.0` or `1.1`
    /// (DynamoDB, SQS, Secrets Manager, KMS, ECS, Cost Explorer).
    case json(version: String, targetPrefix: String)
    /// An HTTP method and path per operation, members bound to the path, query and headers, JSON bodies
    /// (EKS, Lambda, EFS, Backup, MSK, the SSO portal).
    case restJSON
    /// The same bindings with XML bodies (S3, Route 53, CloudFront).
    case restXML

    /// Whether answers (and error bodies) are XML.
    var answersInXML: Bool {
        switch self {
        case .query, .ec2, .restXML: return true
        case .json, .restJSON: return false
        }
    }
}
