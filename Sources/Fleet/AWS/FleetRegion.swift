import AWSCore

/// `FleetAPI` over AWS: EC2, CloudWatch and the Resource Groups Tagging API of one account and region, through
/// the one operation engine (signing, retry, errors) every AWS call of opsdaily goes through.
public struct FleetRegion: FleetAPI {
    public let account: String
    public let region: String
    let ec2: ServiceClient
    let cloudWatch: ServiceClient
    let tagging: ServiceClient
    /// A page size for the listings (tests force several pages); nil: the services' maximum.
    let pageSize: Int?

    public init(account: String, region: String, client: AWSClient, environment: [String: String], pageSize: Int? = nil) throws {
        self.account = account
        self.region = region
        func service(_ service: AWSService, _ wire: WireProtocol) throws -> ServiceClient {
            try ServiceClient(client: client, service: service, region: region, environment: environment, timeout: .seconds(30), wireProtocol: wire)
        }
        ec2 = try service(FleetServices.ec2, FleetServices.ec2Protocol)
        cloudWatch = try service(FleetServices.cloudWatch, FleetServices.cloudWatchProtocol)
        tagging = try service(FleetServices.tagging, FleetServices.taggingProtocol)
        self.pageSize = pageSize
    }

    static let listedStates = ["pending", "running", "stopping", "stopped"]

    public func instances() async throws -> [EC2Instance] {
        let filter: AWSValue = .list([.structure([
            AWSValue.Member("Name", .string("instance-state-name")), AWSValue.Member("Value", .list(Self.listedStates.map(AWSValue.string))),
        ])])
        var instances: [EC2Instance] = []
        try await ec2.forEachPage(
            AWSOperation("DescribeInstances"), OperationInput(members: [AWSValue.Member("Filter", filter)], in: ec2.wireProtocol),
            paginator: FleetServices.ec2Paging, pageSize: pageSize.map { max(5, min($0, 1_000)) }
        ) { page in
            for item in page.values(at: "reservationSet[].instancesSet[]") {
                guard let id = item["instanceId"]?.text, let state = item.values(at: "instanceState.name").first?.text,
                    Self.listedStates.contains(state)
                else { continue }
                instances.append(EC2Instance(
                    id: id, type: item["instanceType"]?.text ?? "", state: state, account: account, region: region,
                    tags: Self.tags(item, list: "tagSet[]", key: "key", value: "value"),
                    autoRecovery: item.values(at: "maintenanceOptions.autoRecovery").first?.text))
            }
        }
        return instances
    }

    public func volumes() async throws -> [TaggedResource] {
        var volumes: [TaggedResource] = []
        try await ec2.forEachPage(
            AWSOperation("DescribeVolumes"), OperationInput(members: [], in: ec2.wireProtocol), paginator: FleetServices.ec2Paging,
            pageSize: pageSize.map { max(5, min($0, 500)) }
        ) { page in
            for item in page.values(at: "volumeSet[]") {
                guard let id = item["volumeId"]?.text else { continue }
                volumes.append(TaggedResource(
                    id: id, type: TagPolicy.EC2ResourceType.volume.rawValue, account: account, region: region,
                    tags: Self.tags(item, list: "tagSet[]", key: "key", value: "value")))
            }
        }
        return volumes
    }

    public func taggedResources(type: String) async throws -> [TaggedResource] {
        var resources: [TaggedResource] = []
        let input = OperationInput(members: [AWSValue.Member("ResourceTypeFilters", .list([.string(type)]))], in: tagging.wireProtocol)
        try await tagging.forEachPage(
            AWSOperation("GetResources"), input, paginator: FleetServices.taggingPaging, pageSize: pageSize.map { max(1, min($0, 100)) }
        ) { page in
            for item in page.values(at: "ResourceTagMappingList[]") {
                guard let arn = item["ResourceARN"]?.text else { continue }
                resources.append(TaggedResource(
                    id: arn, type: type, account: account, region: region, tags: Self.tags(item, list: "Tags[]", key: "Key", value: "Value")))
            }
        }
        return resources
    }

    public func recoverySupport(types: [String]) async throws -> [String: Bool] {
        var supported: [String: Bool] = [:]
        // DescribeInstanceTypes takes at most 100 types a call.
        for start in stride(from: 0, to: types.count, by: 100) {
            let batch = types[start..<min(start + 100, types.count)]
            let input = OperationInput(members: [AWSValue.Member("InstanceType", .list(batch.map(AWSValue.string)))], in: ec2.wireProtocol)
            try await ec2.forEachPage(AWSOperation("DescribeInstanceTypes"), input, paginator: FleetServices.ec2Paging) { page in
                for item in page.values(at: "instanceTypeSet[]") {
                    guard let type = item["instanceType"]?.text else { continue }
                    supported[type] = item["autoRecoverySupported"]?.text == "true"
                }
            }
        }
        return supported
    }

    public func metricAlarms() async throws -> [MetricAlarm] {
        var alarms: [MetricAlarm] = []
        let input = OperationInput(members: [AWSValue.Member("AlarmTypes", .list([.string("MetricAlarm")]))], in: cloudWatch.wireProtocol)
        try await cloudWatch.forEachPage(
            AWSOperation("DescribeAlarms"), input, paginator: FleetServices.alarmPaging, pageSize: pageSize.map { max(1, min($0, 100)) }
        ) { page in
            alarms += page.values(at: "MetricAlarms[]").compactMap(MetricAlarm.init(describing:))
        }
        return alarms
    }

    public func createTags(resources: [String], tags: [TaggedResource.Tag]) async throws {
        precondition(resources.count <= TagWrite.ec2BatchSize, "CreateTags takes at most 1,000 resources")
        let members = [
            AWSValue.Member("ResourceId", .list(resources.map(AWSValue.string))),
            AWSValue.Member("Tag", .list(tags.map { .structure([AWSValue.Member("Key", .string($0.key)), AWSValue.Member("Value", .string($0.value))]) })),
        ]
        _ = try await ec2.send(AWSOperation("CreateTags"), OperationInput(members: members, in: ec2.wireProtocol))
    }

    public func tagResources(arns: [String], tags: [TaggedResource.Tag]) async throws -> [String: String] {
        precondition(arns.count <= TagWrite.taggingAPIBatchSize, "TagResources takes at most 20 ARNs")
        let members = [
            AWSValue.Member("ResourceARNList", .list(arns.map(AWSValue.string))),
            AWSValue.Member("Tags", .structure(tags.map { AWSValue.Member($0.key, .string($0.value)) })),
        ]
        let answer = try await tagging.send(AWSOperation("TagResources"), OperationInput(members: members, in: tagging.wireProtocol))
        guard case .structure(let failed)? = answer["FailedResourcesMap"] else { return [:] }
        var reasons: [String: String] = [:]
        for entry in failed {
            let code = entry.value["ErrorCode"]?.text ?? "error"
            reasons[entry.name] = entry.value["ErrorMessage"]?.text.map { "\(code): \($0)" } ?? code
        }
        return reasons
    }

    public func putMetricAlarm(_ alarm: MetricAlarm) async throws {
        _ = try await cloudWatch.send(AWSOperation("PutMetricAlarm"), OperationInput(members: alarm.putMembers, in: cloudWatch.wireProtocol))
    }

    public func deleteAlarms(names: [String]) async throws {
        precondition(names.count <= 100, "DeleteAlarms takes at most 100 names")
        let members = [AWSValue.Member("AlarmNames", .list(names.map(AWSValue.string)))]
        _ = try await cloudWatch.send(AWSOperation("DeleteAlarms"), OperationInput(members: members, in: cloudWatch.wireProtocol))
    }

    static func tags(_ item: AWSValue, list: AWSValuePath, key: String, value: String) -> [TaggedResource.Tag] {
        item.values(at: list).compactMap { tag in
            guard let name = tag[key]?.text else { return nil }
            return TaggedResource.Tag(name, tag[value]?.text ?? "")
        }
    }
}
