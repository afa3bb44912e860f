/// Lists every resource in a policy's scope, in every account and region of the run: instances and volumes
/// with EC2's own calls (they see never-tagged resources), the other types through the Tagging API.
public struct TagCollector: Sendable {
    public let scope: TagPolicy.Scope

    public init(scope: TagPolicy.Scope) {
        self.scope = scope
    }

    public func collect(_ apis: [any FleetAPI]) async -> (resources: [TaggedResource], problems: [ReadProblem]) {
        let parts = await apis.readEach { await collect($0) }
        return (parts.flatMap(\.0), parts.flatMap(\.1))
    }

    func collect(_ api: any FleetAPI) async -> ([TaggedResource], [ReadProblem]) {
        var resources: [TaggedResource] = []
        var problems: [ReadProblem] = []
        func read(_ listing: String, _ body: () async throws -> [TaggedResource]) async {
            do {
                resources += try await body()
            } catch {
                problems.append(ReadProblem(account: api.account, region: api.region, listing: listing, error: error))
            }
        }
        if scope.ec2.contains(.instance) { await read("instances") { try await api.instances().map(\.tagged) } }
        if scope.ec2.contains(.volume) { await read("volumes") { try await api.volumes() } }
        for type in scope.taggingAPI { await read(type) { try await api.taggedResources(type: type) } }
        return (resources, problems)
    }
}
