/// Writes a recovery plan: one PutMetricAlarm per created or changed alarm (the API has no batch), orphans
/// deleted 100 names a call. An alarm the API refuses is reported for its instance; the rest go on.
public struct RecoveryWriter: Sendable {
    let apis: FleetAPIs

    public init(apis: [any FleetAPI]) {
        self.apis = FleetAPIs(apis)
    }

    public func write(_ plan: RecoveryPlan) async -> WriteLog {
        var log = WriteLog()
        var deletions: [FleetAPIs.Key: [String]] = [:]
        for action in plan.actions {
            guard let api = apis[action.account, action.region] else {
                log.fail(action.instance, region: action.region, reason: "no access to \(action.region)")
                continue
            }
            switch action.kind {
            case .create, .addRecover, .fix:
                await log.call(targets: [action.instance], region: action.region) { try await api.putMetricAlarm(action.alarm) }
            case .delete:
                deletions[FleetAPIs.Key(account: action.account, region: action.region), default: []].append(action.alarm.name)
            }
        }
        for (key, names) in deletions.sorted(by: { ($0.key.account, $0.key.region) < ($1.key.account, $1.key.region) }) {
            guard let api = apis[key.account, key.region] else { continue }
            let region = key.region
            for start in stride(from: 0, to: names.count, by: 100) {
                let batch = Array(names[start..<min(start + 100, names.count)])
                await log.call(targets: batch, region: region) { try await api.deleteAlarms(names: batch) }
            }
        }
        return log
    }
}
