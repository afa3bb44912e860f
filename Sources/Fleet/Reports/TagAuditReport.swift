/// The tag audit as a report (SPEC §13.2): every finding grouped by owner (the policy's `groupBy` tag), with
/// totals by rule and by owner and the listings that could not be read.
public enum TagAuditReport {
    public static let noOwner = "(none)"

    public static func owner(of resource: TaggedResource, policy: TagPolicy) -> String {
        policy.groupBy.flatMap { resource.value(of: $0) } ?? noOwner
    }

    public static func build(policy: TagPolicy, resources: [TaggedResource], findings: [TagFinding], problems: [ReadProblem]) -> FleetReport {
        let byType = FleetReport.counts(resources.map(\.type))
        let flagged = Set(findings.map { "\($0.resource.account) \($0.resource.region) \($0.resource.id)" }).count
        var summary = [
            "\(resources.count) resources in scope" + (byType.isEmpty ? "" : " (\(byType.map { "\($0.1) \($0.0)" }.joined(separator: ", ")))") + ": "
                + "\(flagged) not compliant, \(findings.count) findings",
        ]
        if !findings.isEmpty {
            let rules = TagFinding.Rule.allCases.compactMap { rule -> String? in
                let count = findings.filter { $0.rule == rule }.count
                return count == 0 ? nil : "\(rule.rawValue) \(count)"
            }
            summary.append("by rule: " + rules.joined(separator: ", "))
            let owners = FleetReport.counts(findings.map { owner(of: $0.resource, policy: policy) })
            summary.append("by \(policy.groupBy ?? "owner"): " + owners.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
        summary += problems.map { "not listed: \($0.account) \($0.region) \($0.listing): \($0.reason)" }
        let ordered = findings.sorted { lhs, rhs in
            let left = owner(of: lhs.resource, policy: policy), right = owner(of: rhs.resource, policy: policy)
            if left != right { return left == noOwner ? false : (right == noOwner ? true : left < right) }
            return (lhs.resource.account, lhs.resource.region, lhs.resource.id, lhs.rule) < (rhs.resource.account, rhs.resource.region, rhs.resource.id, rhs.rule)
        }
        let table = FleetReport.Table(
            name: "Findings",
            columns: [
                FleetReport.Column(policy.groupBy ?? "Owner", width: 18), FleetReport.Column("Account", width: 14), FleetReport.Column("Region", width: 15),
                FleetReport.Column("Type", width: 10), FleetReport.Column("Resource", width: 24), FleetReport.Column("Name", width: 26),
                FleetReport.Column("Rule", width: 17), FleetReport.Column("Key", width: 14), FleetReport.Column("Value", width: 20),
                FleetReport.Column("Detail", width: 50),
            ],
            groupColumn: 0,
            rows: ordered.map { finding in
                [
                    owner(of: finding.resource, policy: policy), finding.resource.account, finding.resource.region, finding.resource.type,
                    finding.resource.id, finding.resource.value(of: "Name") ?? "", finding.rule.rawValue, finding.key, finding.value ?? "",
                    finding.detail,
                ]
            })
        return FleetReport(title: "Tag audit", summary: summary, tables: [table])
    }
}
