/// What `autorecovery apply` would write (SPEC §13.3): a recover alarm for every instance that needs one,
/// the recover action added where an alarm lacks it, our own alarms put back to the spec, orphans deleted
/// only with `--prune`. Built from an audit, so a second run over a fixed fleet plans nothing.
public struct RecoveryPlan: Sendable, Equatable {
    public let actions: [Action]

    public struct Action: Sendable, Equatable {
        public let kind: Kind
        /// The alarm as it will be written (for `delete`: as it is).
        public let alarm: MetricAlarm
        public let instance: String
        public let account: String
        public let region: String
    }

    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case create
        case addRecover = "add-recover"
        /// One of our alarms whose settings drifted from the spec (or lacks the SNS topic now asked for).
        case fix
        case delete
    }

    public var isEmpty: Bool { actions.isEmpty }

    public init(entries: [RecoveryAuditor.Entry], orphans: [RecoveryAuditor.Orphan], spec: RecoveryAlarmSpec, prune: Bool) {
        var actions: [Action] = []
        for entry in entries {
            let instance = entry.instance
            func add(_ kind: Kind, _ alarm: MetricAlarm) {
                actions.append(Action(kind: kind, alarm: alarm, instance: instance.id, account: instance.account, region: instance.region))
            }
            switch entry.status {
            case .simplified:
                add(.create, spec.alarm(for: instance.id, region: instance.region))
            case .alarmWithoutRecover:
                var alarm = entry.alarms[0]
                alarm.alarmActions.append(RecoveryAlarmSpec.recoverAction(region: instance.region))
                add(.addRecover, alarm)
            case .recoverAlarm:
                let ours = entry.alarms.first { $0.name == RecoveryAlarmSpec.namePrefix + instance.id }
                if let ours, !spec.matches(ours, region: instance.region) {
                    add(.fix, spec.alarm(for: instance.id, region: instance.region))
                }
            case .excluded, .unsupportedType, .disabled:
                break
            }
        }
        if prune {
            actions += orphans.map { Action(kind: .delete, alarm: $0.alarm, instance: $0.instance, account: $0.account, region: $0.region) }
        }
        self.actions = actions
    }
}
