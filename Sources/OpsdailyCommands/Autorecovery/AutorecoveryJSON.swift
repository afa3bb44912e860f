import Fleet

/// `autorecovery audit --output json`.
struct RecoveryAuditJSON: Encodable {
    let total: Int
    let byStatus: [String: Int]
    let instances: [Instance]
    let orphans: [Orphan]
    let problems: [ProblemJSON]

    struct Instance: Encodable {
        let instance: String
        let name: String?
        let account: String
        let region: String
        let type: String
        let state: String
        let status: String
        let alarm: String?
        let detail: String
    }

    struct Orphan: Encodable {
        let alarm: String
        let instance: String
        let account: String
        let region: String
    }

    init(_ result: RecoveryCollector.Result) {
        total = result.entries.count
        byStatus = Dictionary(grouping: result.entries, by: \.status.rawValue).mapValues(\.count)
        instances = result.entries.map { entry in
            Instance(
                instance: entry.instance.id, name: entry.instance.name, account: entry.instance.account, region: entry.instance.region,
                type: entry.instance.type, state: entry.instance.state, status: entry.status.rawValue, alarm: entry.alarms.first?.name,
                detail: entry.detail)
        }
        orphans = result.orphans.map { Orphan(alarm: $0.alarm.name, instance: $0.instance, account: $0.account, region: $0.region) }
        problems = result.problems.map(ProblemJSON.init)
    }
}

/// `autorecovery apply --output json`.
struct RecoveryApplyJSON: Encodable {
    let plan: [Action]
    let applied: Bool
    let writeCalls: Int
    let failures: [FailureJSON]
    let problems: [ProblemJSON]

    struct Action: Encodable {
        let action: String
        let alarm: String
        let instance: String
        let account: String
        let region: String
        let alarmActions: [String]
    }

    init(plan: RecoveryPlan, applied: Bool, log: WriteLog, problems: [ReadProblem]) {
        self.plan = plan.actions.map {
            Action(
                action: $0.kind.rawValue, alarm: $0.alarm.name, instance: $0.instance, account: $0.account, region: $0.region,
                alarmActions: $0.alarm.alarmActions)
        }
        self.applied = applied
        writeCalls = log.calls
        failures = log.failures.map(FailureJSON.init)
        self.problems = problems.map(ProblemJSON.init)
    }
}
