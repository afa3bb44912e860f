import Testing

@testable import Fleet

@Suite struct TagPlanTests {
    let policy: TagPolicy

    init() throws {
        policy = try FleetFixtures.corporatePolicy()
    }

    func summary(_ plan: TagPlan) -> [String] {
        plan.changes.map { "\($0.resource.id) \($0.key): \($0.old ?? "nil") -> \($0.new)" }
    }

    @Test func fillsMissingKeysItHasAValueForAndDerivedKeys() {
        let resource = FleetFixtures.instance("i-1", [("Name", "argos-prd-gw-01"), ("cz-owner", "ops")])
        #expect(summary(TagPlan(policy: policy, resources: [resource], overwrite: false)) == [
            "i-1 cz-stage: nil -> prd", "i-1 EC2Type: nil -> GW",
        ])
    }

    @Test func aWrongCasedKeyIsReportedNotGuessedAt() {
        let resource = FleetFixtures.instance("i-1", FleetFixtures.compliant.filter { $0.0 != "cz-owner" } + [("CZ-Owner", "ops")])
        #expect(TagPlan(policy: policy, resources: [resource], overwrite: true).isEmpty, "cz-owner has no fill value")
    }

    @Test func neverOverwritesWithoutOverwrite() {
        let resource = FleetFixtures.instance(
            "i-1", FleetFixtures.compliant.map { $0.0 == "cz-stage" ? ($0.0, "PROD") : $0 } + [("Name", "argos-prd-gw-01"), ("EC2Type", "Solution")])
        #expect(TagPlan(policy: policy, resources: [resource], overwrite: false).isEmpty)
        #expect(summary(TagPlan(policy: policy, resources: [resource], overwrite: true)) == [
            "i-1 cz-stage: PROD -> prd", "i-1 EC2Type: Solution -> GW",
        ])
    }

    @Test func aSecondPlanOverTheAppliedTagsIsEmpty() {
        let resources = (1...30).map { FleetFixtures.instance("i-\($0)", [("Name", "argos-prd-mob-\($0)")]) }
        let plan = TagPlan(policy: policy, resources: resources, overwrite: true)
        let applied = resources.map { resource in
            TaggedResource(
                id: resource.id, type: resource.type, account: resource.account, region: resource.region,
                tags: resource.tags + plan.changes.filter { $0.resource.id == resource.id }.map { TaggedResource.Tag($0.key, $0.new) })
        }
        #expect(plan.changes.count == 60)
        #expect(TagPlan(policy: policy, resources: applied, overwrite: true).isEmpty)
    }

    @Test func aChangeThatWouldBreakFiftyTagsIsLeftOutAndSaid() {
        let resource = FleetFixtures.instance("i-1", [("Name", "argos-prd-gw-01")] + (1...49).map { ("extra-\($0)", "x") })
        let plan = TagPlan(policy: policy, resources: [resource], overwrite: false)
        #expect(plan.isEmpty)
        #expect(plan.refused.map(\.reason) == ["50 tags + 2 to write = 52 (at most 50)"])
    }

    @Test func batchesAreBoundedPerAPIAndGroupedByTagsAccountAndRegion() {
        let instances = (1...2_500).map { FleetFixtures.instance("i-\($0)", [("Name", "argos-prd-gw-\($0)")]) }
        let other = FleetFixtures.instance("i-x", [("Name", "argos-prd-gw-x")], region: "us-east-1")
        let databases = (1...45).map { FleetFixtures.instance("arn:aws:rds:ap-northeast-2:123456789012:db:d\($0)", [], type: "rds:db") }
        let plan = TagPlan(policy: policy, resources: instances + [other] + databases, overwrite: false)
        let batches = TagWrite.batches(plan.changes)
        #expect(batches.filter(\.ec2).map(\.resources.count) == [1_000, 1_000, 500, 1])
        #expect(batches.filter { !$0.ec2 }.map(\.resources.count) == [20, 20, 5])
        #expect(batches.filter(\.ec2).last?.region == "us-east-1")
        #expect(batches.allSatisfy { $0.tags.contains(TaggedResource.Tag("cz-stage", "prd")) })
    }
}
