import Synchronization

@testable import Fleet

/// A region in memory: what it lists, every write it is asked for, and the writes it refuses.
final class FakeFleetAPI: FleetAPI {
    let account: String
    let region: String
    let listedInstances: [EC2Instance]
    let alarms: [MetricAlarm]
    let support: [String: Bool]
    /// PutMetricAlarm fails for alarms watching these instances.
    let refusedInstances: Set<String>
    let writes = Mutex<[String]>([])

    init(
        account: String = "123456789012", region: String = "ap-northeast-2", instances: [EC2Instance] = [], alarms: [MetricAlarm] = [],
        support: [String: Bool] = [:], refusedInstances: Set<String> = []
    ) {
        self.account = account
        self.region = region
        listedInstances = instances
        self.alarms = alarms
        self.support = support
        self.refusedInstances = refusedInstances
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String { "ValidationError: the recover action is not supported for this instance" }
    }

    func instances() async throws -> [EC2Instance] { listedInstances }
    func volumes() async throws -> [TaggedResource] { [] }
    func taggedResources(type: String) async throws -> [TaggedResource] { [] }
    func recoverySupport(types: [String]) async throws -> [String: Bool] { support.filter { types.contains($0.key) } }
    func metricAlarms() async throws -> [MetricAlarm] { alarms }

    func createTags(resources: [String], tags: [TaggedResource.Tag]) async throws {
        writes.withLock { $0.append("CreateTags \(resources.count)") }
    }

    func tagResources(arns: [String], tags: [TaggedResource.Tag]) async throws -> [String: String] {
        writes.withLock { $0.append("TagResources \(arns.count)") }
        return [:]
    }

    func putMetricAlarm(_ alarm: MetricAlarm) async throws {
        writes.withLock { $0.append("PutMetricAlarm \(alarm.name)") }
        if let instance = alarm.watchedInstance, refusedInstances.contains(instance) { throw Refused() }
    }

    func deleteAlarms(names: [String]) async throws {
        writes.withLock { $0.append("DeleteAlarms \(names.joined(separator: ","))") }
    }

    static func instance(_ id: String, name: String, type: String = "m5.large", tags: [(String, String)] = [], autoRecovery: String? = nil) -> EC2Instance {
        EC2Instance(
            id: id, type: type, state: "running", account: "123456789012", region: "ap-northeast-2",
            tags: [TaggedResource.Tag("Name", name)] + tags.map { TaggedResource.Tag($0.0, $0.1) }, autoRecovery: autoRecovery)
    }

    static func alarm(_ name: String, instance: String, actions: [String]) -> MetricAlarm {
        MetricAlarm(
            name: name, namespace: "AWS/EC2", metricName: "StatusCheckFailed_System", dimensions: [MetricAlarm.Dimension("InstanceId", instance)],
            statistic: "Maximum", period: 60, evaluationPeriods: 2, threshold: "1.0", comparisonOperator: "GreaterThanOrEqualToThreshold",
            alarmActions: actions)
    }
}
