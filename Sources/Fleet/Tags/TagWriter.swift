/// Writes a tag plan: the batches of `TagWrite`, each through the region's API. Never called without
/// `--apply`.
public struct TagWriter: Sendable {
    let apis: FleetAPIs

    public init(apis: [any FleetAPI]) {
        self.apis = FleetAPIs(apis)
    }

    public func write(_ plan: TagPlan) async -> WriteLog {
        var log = WriteLog()
        for batch in TagWrite.batches(plan.changes) {
            guard let api = apis[batch.account, batch.region] else {
                for resource in batch.resources { log.fail(resource, region: batch.region, reason: "no access to \(batch.region)") }
                continue
            }
            if batch.ec2 {
                await log.call(targets: batch.resources, region: batch.region) { try await api.createTags(resources: batch.resources, tags: batch.tags) }
            } else {
                var refused: [String: String] = [:]
                await log.call(targets: batch.resources, region: batch.region) {
                    refused = try await api.tagResources(arns: batch.resources, tags: batch.tags)
                }
                for (arn, reason) in refused.sorted(by: { $0.key < $1.key }) { log.fail(arn, region: batch.region, reason: reason) }
            }
        }
        return log
    }
}
