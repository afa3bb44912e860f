/// The one status each instance gets (SPEC §13.3), in the order they are decided: a recover alarm is a fact
/// whatever else holds; an excluded instance is never given one; a type that cannot be recovered and a
/// deliberate opt-out are reported only.
public enum RecoveryStatus: String, Sendable, Equatable, DeclaredOrder {
    case recoverAlarm = "recover-alarm"
    case excluded
    case unsupportedType = "unsupported-type"
    case disabled
    case alarmWithoutRecover = "alarm-without-recover"
    case simplified

    /// How reports list them: what `apply` would change first, what is fine last.
    public static let reportOrder: [RecoveryStatus] = [.simplified, .alarmWithoutRecover, .disabled, .unsupportedType, .excluded, .recoverAlarm]

    /// What `apply` does about it: only these two are given a recover alarm.
    public var needsAlarm: Bool { self == .alarmWithoutRecover || self == .simplified }
}

/// Why an instance is excluded: Auto Scaling replaces its members, EKS and Karpenter their nodes; the
/// operator may exclude more by tag.
public struct RecoveryExclusions: Sendable, Equatable {
    /// `KEY` (any value) or `KEY=VALUE`.
    public var tags: [(key: String, value: String?)]

    public static func == (lhs: RecoveryExclusions, rhs: RecoveryExclusions) -> Bool {
        lhs.tags.map(\.key) == rhs.tags.map(\.key) && lhs.tags.map(\.value) == rhs.tags.map(\.value)
    }

    public init(tags: [(key: String, value: String?)] = []) {
        self.tags = tags
    }

    /// Parses `--exclude-tag` values: `KEY` or `KEY=VALUE`, the key within AWS's limits.
    public init(parsing values: [String]) throws(RecoveryExclusionError) {
        tags = try values.map { (text: String) throws(RecoveryExclusionError) -> (key: String, value: String?) in
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let key = parts.first, !key.isEmpty, key.count <= TagLimits.maximumKeyLength(ec2: true) else {
                throw RecoveryExclusionError(text: text)
            }
            return (key, parts.count == 2 ? parts[1] : nil)
        }
    }

    /// The reason an instance is excluded, or nil.
    public func reason(for instance: EC2Instance) -> String? {
        for tag in instance.tags {
            switch tag.key {
            case "aws:autoscaling:groupName": return "Auto Scaling group \(tag.value)"
            case "eks:cluster-name", "eks:nodegroup-name": return "EKS node (\(tag.key) \(tag.value))"
            case "karpenter.sh/nodepool", "karpenter.sh/provisioner-name": return "Karpenter node (\(tag.key) \(tag.value))"
            case _ where tag.key.hasPrefix("kubernetes.io/cluster/"): return "EKS node (\(tag.key))"
            default: continue
            }
        }
        for rule in tags {
            if let tag = instance.tags.first(where: { $0.key == rule.key }), rule.value == nil || rule.value == tag.value {
                return "excluded by the tag \(rule.key)\(rule.value.map { "=\($0)" } ?? "")"
            }
        }
        return nil
    }
}

public struct RecoveryExclusionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String

    public var description: String { "--exclude-tag \"\(text.prefix(60))\": expected KEY or KEY=VALUE with a key of 1 to 127 characters" }
}
