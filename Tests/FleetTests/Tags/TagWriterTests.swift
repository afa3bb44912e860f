import Testing

@testable import Fleet

@Suite struct TagWriterTests {
    @Test func eachBatchIsOneCallToItsAccountAndRegion() async throws {
        let policy = try FleetFixtures.corporatePolicy()
        let seoul = FakeFleetAPI()
        let virginia = FakeFleetAPI(region: "us-east-1")
        let resources = (1...1_001).map { FleetFixtures.instance("i-\($0)", []) } + [FleetFixtures.instance("i-v", [], region: "us-east-1")]
            + (1...21).map { FleetFixtures.instance("arn:aws:rds:ap-northeast-2:123456789012:db:d\($0)", [], type: "rds:db") }
        let log = await TagWriter(apis: [seoul, virginia]).write(TagPlan(policy: policy, resources: resources, overwrite: false))
        #expect(log.calls == 5)
        #expect(log.succeeded)
        #expect(seoul.writes.withLock { $0 } == ["CreateTags 1000", "CreateTags 1", "TagResources 20", "TagResources 1"])
        #expect(virginia.writes.withLock { $0 } == ["CreateTags 1"])
    }

    @Test func aRegionWithoutAccessFailsItsResourcesWithoutACall() async throws {
        let policy = try FleetFixtures.corporatePolicy()
        let log = await TagWriter(apis: []).write(TagPlan(policy: policy, resources: [FleetFixtures.instance("i-1", [])], overwrite: false))
        #expect(log.calls == 0)
        #expect(log.failures.map(\.target) == ["i-1"])
    }
}
