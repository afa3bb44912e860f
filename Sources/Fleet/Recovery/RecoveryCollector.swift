/// Reads what the recovery audit needs in every account and region: the instances, the metric alarms, and
/// whether each instance type supports CloudWatch recovery (asked once per region for the types present).
public struct RecoveryCollector: Sendable {
    public let auditor: RecoveryAuditor

    public init(auditor: RecoveryAuditor) {
        self.auditor = auditor
    }

    public struct Result: Sendable {
        public var entries: [RecoveryAuditor.Entry] = []
        public var orphans: [RecoveryAuditor.Orphan] = []
        public var problems: [ReadProblem] = []
    }

    public func collect(_ apis: [any FleetAPI]) async -> Result {
        var result = Result()
        for part in await apis.readEach({ await collect($0) }) {
            result.entries += part.entries
            result.orphans += part.orphans
            result.problems += part.problems
        }
        return result
    }

    func collect(_ api: any FleetAPI) async -> Result {
        var result = Result()
        func problem(_ listing: String, _ error: any Error) {
            result.problems.append(ReadProblem(account: api.account, region: api.region, listing: listing, error: error))
        }
        let instances: [EC2Instance]
        let alarms: [MetricAlarm]
        do { instances = try await api.instances() } catch { problem("instances", error); return result }
        // Without the alarms every status would be a guess, and orphans unknowable: the region is reported instead.
        do { alarms = try await api.metricAlarms() } catch { problem("alarms", error); return result }
        var supported: [String: Bool] = [:]
        let types = Array(Set(instances.map(\.type))).sorted()
        if !types.isEmpty {
            do { supported = try await api.recoverySupport(types: types) } catch { problem("instance types", error) }
        }
        let audit = auditor.audit(instances: instances, alarms: alarms, supported: supported, account: api.account, region: api.region)
        result.entries = audit.entries
        result.orphans = audit.orphans
        return result
    }
}
