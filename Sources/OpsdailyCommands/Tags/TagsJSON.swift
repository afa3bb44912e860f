import Fleet

/// `tags audit --output json`: the resources counted, every finding, counts by rule, what could not be read.
struct TagAuditJSON: Encodable {
    let resources: Int
    let findings: [Finding]
    let byRule: [String: Int]
    let problems: [ProblemJSON]

    struct Finding: Encodable {
        let resource: String
        let type: String
        let region: String
        let account: String
        let owner: String
        let rule: String
        let key: String
        let value: String?
        let detail: String
    }

    init(policy: TagPolicy, resources: [TaggedResource], findings: [TagFinding], problems: [ReadProblem]) {
        self.resources = resources.count
        self.findings = findings.map { finding in
            Finding(
                resource: finding.resource.id, type: finding.resource.type, region: finding.resource.region, account: finding.resource.account,
                owner: TagAuditReport.owner(of: finding.resource, policy: policy), rule: finding.rule.rawValue, key: finding.key,
                value: finding.value, detail: finding.detail)
        }
        byRule = Dictionary(grouping: findings, by: \.rule.rawValue).mapValues(\.count)
        self.problems = problems.map(ProblemJSON.init)
    }
}

/// `tags apply --output json`: the plan, whether it was written, the write calls made and what AWS refused.
struct TagApplyJSON: Encodable {
    let plan: [Change]
    let refused: [Refusal]
    let applied: Bool
    let writeCalls: Int
    let failures: [FailureJSON]
    let problems: [ProblemJSON]

    struct Change: Encodable {
        let resource: String
        let account: String
        let region: String
        let key: String
        let old: String?
        let new: String
    }

    struct Refusal: Encodable {
        let resource: String
        let reason: String
    }

    init(plan: TagPlan, applied: Bool, log: WriteLog, problems: [ReadProblem]) {
        self.plan = plan.changes.map {
            Change(resource: $0.resource.id, account: $0.resource.account, region: $0.resource.region, key: $0.key, old: $0.old, new: $0.new)
        }
        refused = plan.refused.map { Refusal(resource: $0.resource, reason: $0.reason) }
        self.applied = applied
        writeCalls = log.calls
        failures = log.failures.map(FailureJSON.init)
        self.problems = problems.map(ProblemJSON.init)
    }
}
