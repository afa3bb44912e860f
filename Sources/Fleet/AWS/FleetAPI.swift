/// The calls the fleet commands make in one account and region: the seam between the audits and plans
/// (pure) and AWS. `FleetRegion` speaks to AWS; tests give their own.
public protocol FleetAPI: Sendable {
    var account: String { get }
    var region: String { get }

    /// Every instance that is pending, running, stopping or stopped, all pages.
    func instances() async throws -> [EC2Instance]
    /// Every volume with its tags (never-tagged ones too, which the Tagging API cannot see).
    func volumes() async throws -> [TaggedResource]
    /// The Resource Groups Tagging API's resources of one type filter (`rds:db`).
    func taggedResources(type: String) async throws -> [TaggedResource]
    /// DescribeInstanceTypes' `AutoRecoverySupported` for each of `types`.
    func recoverySupport(types: [String]) async throws -> [String: Bool]
    /// Every metric alarm, all pages.
    func metricAlarms() async throws -> [MetricAlarm]

    /// CreateTags: the same tags on up to 1,000 resources.
    func createTags(resources: [String], tags: [TaggedResource.Tag]) async throws
    /// TagResources: the same tags on up to 20 ARNs; answers the ARNs it failed for, with why.
    func tagResources(arns: [String], tags: [TaggedResource.Tag]) async throws -> [String: String]
    func putMetricAlarm(_ alarm: MetricAlarm) async throws
    /// DeleteAlarms: up to 100 names.
    func deleteAlarms(names: [String]) async throws
}

/// The run's APIs by account and region, where the writers find the one a change belongs to.
struct FleetAPIs: Sendable {
    struct Key: Hashable, Sendable {
        let account: String
        let region: String
    }

    private let byKey: [Key: any FleetAPI]

    init(_ apis: [any FleetAPI]) {
        byKey = Dictionary(apis.map { (Key(account: $0.account, region: $0.region), $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(account: String, region: String) -> (any FleetAPI)? { byKey[Key(account: account, region: region)] }
}
