/// One way a resource departs from the tag policy.
public struct TagFinding: Sendable, Equatable {
    public let resource: TaggedResource
    public let rule: Rule
    public let key: String
    /// The value the resource has now, if any.
    public let value: String?
    public let detail: String

    public enum Rule: String, Sendable, Equatable, DeclaredOrder {
        case missingRequired = "missing-required"
        case invalidValue = "invalid-value"
        case wrongCase = "wrong-case"
        case awsLimit = "aws-limit"
        case derivedMissing = "derived-missing"
        case derivedDiffers = "derived-differs"
    }
}
