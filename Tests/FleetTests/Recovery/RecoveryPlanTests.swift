import Testing

@testable import Fleet

@Suite struct RecoveryPlanTests {
    let spec = RecoveryAlarmSpec(snsTopic: RecoveryAuditorTests.topic)

    @Test func createsAddsTheRecoverActionAndPrunesOnlyWhenAsked() async {
        let result = await RecoveryCollector(auditor: RecoveryAuditor()).collect([RecoveryAuditorTests.fleet()])
        let plan = RecoveryPlan(entries: result.entries, orphans: result.orphans, spec: spec, prune: false)
        #expect(plan.actions.map { "\($0.kind.rawValue) \($0.alarm.name)" }.sorted() == [
            "add-recover sns-i-sns", "create opsdaily-recover-i-default", "create opsdaily-recover-i-plain",
        ])
        let added = plan.actions.first { $0.kind == .addRecover }!.alarm
        #expect(added.alarmActions == [RecoveryAuditorTests.topic, RecoveryAuditorTests.recover], "the owner's actions kept, recover added")
        #expect(added.threshold == "1.0" && added.period == 60, "every other setting sent back as it was")
        let created = plan.actions.first { $0.kind == .create }!.alarm
        #expect(created.statistic == "Maximum" && created.period == 60 && created.evaluationPeriods == 2 && created.datapointsToAlarm == 2)
        #expect(created.comparisonOperator == "GreaterThanOrEqualToThreshold" && created.threshold == "1" && created.treatMissingData == "missing")
        #expect(created.alarmActions == [RecoveryAuditorTests.recover, RecoveryAuditorTests.topic])
        let pruned = RecoveryPlan(entries: result.entries, orphans: result.orphans, spec: spec, prune: true)
        #expect(pruned.actions.filter { $0.kind == .delete }.map(\.alarm.name) == ["recover-i-gone"])
    }

    @Test func ourAlarmThatDriftedIsFixedAndOneThatMatchesIsLeft() async {
        var drifted = spec.alarm(for: "i-1", region: "ap-northeast-2")
        drifted.evaluationPeriods = 5
        let kept = spec.alarm(for: "i-2", region: "ap-northeast-2")
        let api = FakeFleetAPI(
            instances: [FakeFleetAPI.instance("i-1", name: "a"), FakeFleetAPI.instance("i-2", name: "b")], alarms: [drifted, kept],
            support: ["m5.large": true])
        let result = await RecoveryCollector(auditor: RecoveryAuditor()).collect([api])
        let plan = RecoveryPlan(entries: result.entries, orphans: result.orphans, spec: spec, prune: true)
        #expect(plan.actions.map { "\($0.kind.rawValue) \($0.instance)" } == ["fix i-1"])
    }

    @Test func aRefusedAlarmIsReportedForItsInstanceAndTheRestGoOn() async {
        let api = FakeFleetAPI(
            instances: (1...5).map { FakeFleetAPI.instance("i-\($0)", name: "n\($0)") }, support: ["m5.large": true], refusedInstances: ["i-3"])
        let result = await RecoveryCollector(auditor: RecoveryAuditor()).collect([api])
        let plan = RecoveryPlan(entries: result.entries, orphans: result.orphans, spec: spec, prune: false)
        let log = await RecoveryWriter(apis: [api]).write(plan)
        #expect(log.calls == 5)
        #expect(log.failures.map(\.target) == ["i-3"])
        #expect(api.writes.withLock { $0.count } == 5)
    }

    @Test func aSecondRunOverTheWrittenAlarmsPlansNothing() async {
        let instances = (1...4).map { FakeFleetAPI.instance("i-\($0)", name: "n\($0)") }
        let first = await RecoveryCollector(auditor: RecoveryAuditor()).collect([FakeFleetAPI(instances: instances, support: ["m5.large": true])])
        let plan = RecoveryPlan(entries: first.entries, orphans: first.orphans, spec: spec, prune: true)
        let written = FakeFleetAPI(instances: instances, alarms: plan.actions.map(\.alarm), support: ["m5.large": true])
        let second = await RecoveryCollector(auditor: RecoveryAuditor()).collect([written])
        #expect(RecoveryPlan(entries: second.entries, orphans: second.orphans, spec: spec, prune: true).isEmpty)
        #expect(second.entries.allSatisfy { $0.status == .recoverAlarm })
    }
}
