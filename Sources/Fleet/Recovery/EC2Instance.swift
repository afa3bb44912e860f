/// An instance as DescribeInstances lists it, with what the recovery audit and the tag audit read.
public struct EC2Instance: Sendable, Equatable {
    public let id: String
    public let type: String
    /// `pending`, `running`, `stopping`, `stopped` (the audit never lists terminated ones).
    public let state: String
    public let account: String
    public let region: String
    public let tags: [TaggedResource.Tag]
    /// `MaintenanceOptions.AutoRecovery` as answered; nil when the answer has no `MaintenanceOptions`, which
    /// AWS documents as the default (`default`).
    public let autoRecovery: String?

    public init(
        id: String, type: String, state: String, account: String, region: String, tags: [TaggedResource.Tag], autoRecovery: String?
    ) {
        self.id = id
        self.type = type
        self.state = state
        self.account = account
        self.region = region
        self.tags = tags
        self.autoRecovery = autoRecovery
    }

    public var name: String? { tags.first { $0.key == "Name" }?.value }

    /// Simplified automatic recovery is on unless the instance opted out.
    public var simplifiedRecoveryDisabled: Bool { autoRecovery == "disabled" }

    public var tagged: TaggedResource {
        TaggedResource(id: id, type: TagPolicy.EC2ResourceType.instance.rawValue, account: account, region: region, tags: tags)
    }
}
