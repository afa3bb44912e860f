/// Gives every instance of a region its recovery status and finds the alarms whose instance is gone. Pure:
/// what the reader listed in, the audit out.
public struct RecoveryAuditor: Sendable {
    public let exclusions: RecoveryExclusions

    public init(exclusions: RecoveryExclusions = RecoveryExclusions()) {
        self.exclusions = exclusions
    }

    public struct Entry: Sendable, Equatable {
        public let instance: EC2Instance
        public let status: RecoveryStatus
        /// The alarms on its system status check (the recovering one first).
        public let alarms: [MetricAlarm]
        public let detail: String
    }

    public struct Orphan: Sendable, Equatable {
        public let alarm: MetricAlarm
        public let instance: String
        public let account: String
        public let region: String
    }

    /// `supported` maps instance types to DescribeInstanceTypes' AutoRecoverySupported; a type it did not
    /// answer for counts as supported, and the detail says so.
    public func audit(
        instances: [EC2Instance], alarms: [MetricAlarm], supported: [String: Bool], account: String, region: String
    ) -> (entries: [Entry], orphans: [Orphan]) {
        var byInstance: [String: [MetricAlarm]] = [:]
        for alarm in alarms {
            if let id = alarm.watchedInstance { byInstance[id, default: []].append(alarm) }
        }
        let listed = Set(instances.map(\.id))
        let entries = instances.map { instance in
            let watching = (byInstance[instance.id] ?? []).sorted { $0.recovers(in: region) && !$1.recovers(in: region) }
            let (status, detail) = decide(instance, alarms: watching, supported: supported[instance.type], region: region)
            return Entry(instance: instance, status: status, alarms: watching, detail: detail)
        }
        let orphans = alarms.compactMap { alarm -> Orphan? in
            guard let id = alarm.watchedInstance, !listed.contains(id) else { return nil }
            return Orphan(alarm: alarm, instance: id, account: account, region: region)
        }
        return (entries, orphans.sorted { $0.alarm.name < $1.alarm.name })
    }

    private func decide(_ instance: EC2Instance, alarms: [MetricAlarm], supported: Bool?, region: String) -> (RecoveryStatus, String) {
        if let recovering = alarms.first(where: { $0.recovers(in: region) }) {
            let others = recovering.alarmActions.count - 1
            return (.recoverAlarm, "recover action" + (others > 0 ? " and \(others) other action\(others == 1 ? "" : "s")" : ""))
        }
        if let reason = exclusions.reason(for: instance) { return (.excluded, reason) }
        if supported == false { return (.unsupportedType, "\(instance.type) does not support CloudWatch recovery") }
        if instance.simplifiedRecoveryDisabled { return (.disabled, "MaintenanceOptions AutoRecovery disabled") }
        let unknownType = supported == nil ? "; \(instance.type) not described, taken as supported" : ""
        if let alarm = alarms.first { return (.alarmWithoutRecover, "\(alarm.name) has no recover action\(unknownType)") }
        let maintenance = instance.autoRecovery == nil ? "no MaintenanceOptions (AWS default)" : "AutoRecovery \(instance.autoRecovery!)"
        return (.simplified, "simplified recovery only: \(maintenance)\(unknownType)")
    }
}
