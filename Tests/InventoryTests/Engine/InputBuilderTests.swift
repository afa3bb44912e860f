import AWSCore
import Testing
@testable import Inventory

/// Fields go where each protocol carries them.
@Suite struct InputBuilderTests {
    static let august = ReportMonth(year: 2026, month: 8)!

    @Test func formListsAreNumberedAsEachProtocolWantsThem() {
        let fields = [InputField("AlarmTypes", .texts(["MetricAlarm", "CompositeAlarm"]))]
        let query = InputBuilder(wireProtocol: .query(apiVersion: "x"), operation: AWSOperation("DescribeAlarms"), month: Self.august).input(fields)
        #expect(query.parameters == [.init("AlarmTypes.member.1", "MetricAlarm"), .init("AlarmTypes.member.2", "CompositeAlarm")])
        let ec2 = InputBuilder(wireProtocol: .ec2(apiVersion: "x"), operation: AWSOperation("X"), month: Self.august).input(fields)
        #expect(ec2.parameters.map(\.name) == ["AlarmTypes.1", "AlarmTypes.2"])
    }

    @Test func restFieldsFillThePathTheQueryOrTheBody() {
        let describe = AWSOperation("DescribeCluster", method: .GET, path: "/clusters/{name}")
        let input = InputBuilder(wireProtocol: .restJSON, operation: describe, month: Self.august)
            .input([InputField("name", .listed)], item: .string("prod"))
        #expect(input.pathLabels == ["name": "prod"] && input.parameters.isEmpty && input.body == nil)
        let ram = InputBuilder(wireProtocol: .restJSON, operation: AWSOperation("ListResources", path: "/listresources"), month: Self.august)
            .input([InputField("resourceOwner", .text("SELF"), placement: .body)])
        #expect(ram.body == .structure([.init("resourceOwner", .string("SELF"))]))
        let jobs = InputBuilder(wireProtocol: .restJSON, operation: AWSOperation("ListBackupJobs", method: .GET, path: "/backup-jobs/"), month: Self.august)
            .input([InputField("createdAfter", .monthStart), InputField("createdBefore", .monthEnd)])
        #expect(jobs.parameters == [.init("createdAfter", "2026-07-31T23:59:59.999Z"), .init("createdBefore", "2026-09-01T00:00:00.000Z")])
    }

    @Test func jsonAlwaysSendsABodyAndBatchesAsLists() {
        let builder = InputBuilder(wireProtocol: .json(version: "1.1", targetPrefix: "X"), operation: AWSOperation("DescribeClusters"), month: Self.august)
        #expect(builder.input([]).body == .structure([]))
        let batch = builder.input([InputField("clusters", .batch)], batch: [.string("a"), .string("b")])
        #expect(batch.body == .structure([.init("clusters", .list([.string("a"), .string("b")]))]))
        let item = builder.input([InputField("KeyId", .item("KeyId"))], item: .structure([.init("KeyId", .string("k1"))]))
        #expect(item.body == .structure([.init("KeyId", .string("k1"))]))
    }
}
