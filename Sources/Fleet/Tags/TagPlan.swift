/// What `tags apply` would write (SPEC §13.2): missing required keys that have a fill value and missing
/// derived keys; with `--overwrite` also derived values that differ and invalid values of filled keys. A
/// resource whose writes would break AWS's limits gets none, and the plan says why (CreateTags is all or
/// nothing for a resource).
public struct TagPlan: Sendable, Equatable {
    public let changes: [TagChange]
    /// Resources left out, with the reason.
    public let refused: [Refusal]

    public struct Refusal: Sendable, Equatable {
        public let resource: String
        public let reason: String
    }

    public var isEmpty: Bool { changes.isEmpty }

    public init(policy: TagPolicy, resources: [TaggedResource], overwrite: Bool) {
        let auditor = TagAuditor(policy: policy)
        var changes: [TagChange] = []
        var refused: [Refusal] = []
        for resource in resources {
            let review = auditor.review(resource)
            let wanted = review.writes + (overwrite ? review.overwrites : [])
            if let reason = review.refusal {
                refused.append(Refusal(resource: resource.id, reason: reason))
                continue
            }
            for change in wanted {
                if let problem = TagLimits.problem(key: change.key, value: change.new, ec2: resource.isEC2) {
                    refused.append(Refusal(resource: resource.id, reason: "\(change.key): \(problem)"))
                } else {
                    changes.append(change)
                }
            }
        }
        self.changes = changes
        self.refused = refused
    }
}

public struct TagChange: Sendable, Equatable {
    public let resource: TaggedResource
    public let key: String
    public let old: String?
    public let new: String
}

/// Changes grouped into the calls that write them: the same tags on many resources of one region in one
/// call, up to the API's limit (CreateTags 1,000 resources; TagResources 20 ARNs).
public struct TagWrite: Sendable, Equatable {
    public let account: String
    public let region: String
    public let ec2: Bool
    public let resources: [String]
    public let tags: [TaggedResource.Tag]

    public static let ec2BatchSize = 1_000
    public static let taggingAPIBatchSize = 20

    public static func batches(_ changes: [TagChange]) -> [TagWrite] {
        var byResource: [String: (resource: TaggedResource, tags: [TaggedResource.Tag])] = [:]
        var order: [String] = []
        for change in changes {
            if byResource[change.resource.id] == nil {
                order.append(change.resource.id)
                byResource[change.resource.id] = (change.resource, [])
            }
            byResource[change.resource.id]!.tags.append(TaggedResource.Tag(change.key, change.new))
        }
        struct Group: Hashable {
            let account: String
            let region: String
            let ec2: Bool
            let tags: [TaggedResource.Tag]
        }
        var groups: [Group: [String]] = [:]
        var groupOrder: [Group] = []
        for id in order {
            let entry = byResource[id]!
            let group = Group(account: entry.resource.account, region: entry.resource.region, ec2: entry.resource.isEC2, tags: entry.tags)
            if groups[group] == nil { groupOrder.append(group) }
            groups[group, default: []].append(id)
        }
        return groupOrder.flatMap { group in
            let ids = groups[group]!
            let size = group.ec2 ? ec2BatchSize : taggingAPIBatchSize
            return stride(from: 0, to: ids.count, by: size).map { start in
                TagWrite(account: group.account, region: group.region, ec2: group.ec2, resources: Array(ids[start..<min(start + size, ids.count)]), tags: group.tags)
            }
        }
    }
}
