/// AWS's limits on tags, checked before any call (SPEC §13.2): a tag AWS would refuse is a finding, never a
/// failed write in the middle of a batch.
public enum TagLimits {
    public static let maximumTags = 50
    public static let maximumValueLength = 256

    /// EC2 allows keys of 127 characters; the other services 128.
    public static func maximumKeyLength(ec2: Bool) -> Int { ec2 ? 127 : 128 }

    /// Why AWS would refuse to write this tag, or nil.
    public static func problem(key: String, value: String, ec2: Bool) -> String? {
        if key.isEmpty { return "an empty key" }
        if key.count > maximumKeyLength(ec2: ec2) { return "a key of \(key.count) characters (at most \(maximumKeyLength(ec2: ec2)))" }
        if key.lowercased().hasPrefix("aws:") { return "a key starting with aws:, which AWS reserves" }
        if value.count > maximumValueLength { return "a value of \(value.count) characters (at most \(maximumValueLength))" }
        return nil
    }
}
