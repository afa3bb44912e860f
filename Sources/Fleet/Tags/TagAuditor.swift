/// Checks resources against a tag policy: every finding, and the changes that would fix what can be fixed.
/// The plan is built from the same review, so the audit and `apply` never disagree.
public struct TagAuditor: Sendable {
    public let policy: TagPolicy

    public init(policy: TagPolicy) {
        self.policy = policy
    }

    /// One resource, reviewed: what is wrong, what `apply` writes (missing keys with a fill value, missing
    /// derived keys), what `--overwrite` adds (derived values that differ, invalid values of filled keys), and
    /// why nothing is written when the writes would break AWS's limits.
    public struct Review: Sendable, Equatable {
        public var findings: [TagFinding] = []
        public var writes: [TagChange] = []
        public var overwrites: [TagChange] = []
        public var refusal: String?
    }

    public func findings(_ resource: TaggedResource) -> [TagFinding] {
        review(resource).findings
    }

    public func review(_ resource: TaggedResource) -> Review {
        var review = Review()
        func add(_ rule: TagFinding.Rule, _ key: String, _ value: String?, _ detail: String) {
            review.findings.append(TagFinding(resource: resource, rule: rule, key: key, value: value, detail: detail))
        }
        func change(_ key: String, _ old: String?, _ new: String) -> TagChange {
            TagChange(resource: resource, key: key, old: old, new: new)
        }
        for tag in resource.tags {
            if let standard = policy.keys.first(where: { $0.key != tag.key && $0.key.lowercased() == tag.key.lowercased() }) {
                add(.wrongCase, tag.key, tag.value, "the standard writes \(standard.key)")
            }
        }
        for rule in policy.keys {
            guard let value = resource.value(of: rule.key) else {
                if rule.required {
                    add(.missingRequired, rule.key, nil, "required")
                    if let fill = policy.fill[rule.key] { review.writes.append(change(rule.key, nil, fill)) }
                }
                continue
            }
            if let problem = valueProblem(value, rule: rule) {
                add(.invalidValue, rule.key, value, problem)
                if let fill = policy.fill[rule.key] { review.overwrites.append(change(rule.key, value, fill)) }
            }
        }
        for derived in policy.derived where derived.scope.map(\.rawValue).contains(resource.type) {
            guard let source = resource.value(of: derived.from), let wanted = derived.value(for: source) else { continue }
            switch resource.value(of: derived.key) {
            case nil:
                add(.derivedMissing, derived.key, nil, "\(derived.from) \"\(source)\" makes it \(wanted)")
                review.writes.append(change(derived.key, nil, wanted))
            case let current? where current != wanted:
                add(.derivedDiffers, derived.key, current, "\(derived.from) \"\(source)\" makes it \(wanted)")
                review.overwrites.append(change(derived.key, current, wanted))
            default: break
            }
        }
        // AWS's limits matter for what would be written: tags already there passed them.
        for planned in review.writes + review.overwrites {
            if let problem = TagLimits.problem(key: planned.key, value: planned.new, ec2: resource.isEC2) {
                add(.awsLimit, planned.key, planned.new, problem)
            }
        }
        let total = resource.userTagCount + review.writes.count
        if total > TagLimits.maximumTags {
            let reason = "\(resource.userTagCount) tags + \(review.writes.count) to write = \(total) (at most \(TagLimits.maximumTags))"
            add(.awsLimit, "", nil, reason)
            review.refusal = reason
        }
        return review
    }

    /// Why a value breaks the key's rule (its allowed values; its pattern, else the policy's), or nil.
    func valueProblem(_ value: String, rule: TagPolicy.KeyRule) -> String? {
        if !rule.values.isEmpty, !rule.values.contains(value) { return "not one of \(rule.values.joined(separator: ", "))" }
        guard let pattern = rule.pattern ?? policy.valuePattern else { return nil }
        return pattern.matches(value) ? nil : "does not match \(pattern.text)"
    }
}
