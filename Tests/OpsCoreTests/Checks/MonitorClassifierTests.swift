import CivilTime
import OpsCore
import Testing

@Suite struct MonitorClassifierTests {
    let now = Instant(epochSeconds: 1_795_600_000)

    func monitor(
        _ state: MonitorStatus, multi: Bool = false, groups: [MonitorGroupState] = [], silenced: [String: Instant?] = [:],
        downtimes: [MonitorDowntime] = []
    ) -> Monitor {
        Monitor(
            id: 42, name: "[P1][DB] CPU high", tags: ["team:argos", "monitor:DB-CPU-01"], priority: 1, multi: multi,
            overallState: state, overallStateModified: Instant(epochSeconds: 1_795_500_000),
            groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.name, $0) }), silenced: silenced,
            matchingDowntimes: downtimes)
    }

    @Test(arguments: [
        (MonitorStatus.ok, CheckClass.ok), (.alert, .alert), (.warn, .warn), (.noData, .noData),
        (.ignored, .unknown), (.skipped, .unknown), (.unknown, .unknown), (.other("Brand New"), .unknown),
    ])
    func statesMapToClasses(state: MonitorStatus, expected: CheckClass) {
        let check = MonitorClassifier.check(monitor(state), at: now)
        #expect(check.checkClass == expected)
        #expect(check.monitorID == "42")
        #expect(check.label == "DB-CPU-01")
        #expect(check.category == .database)
    }

    @Test func multiAlertMonitorsNameTheirFailingGroupsAndSince() {
        let groups = [
            MonitorGroupState(name: "host:a", status: .alert, lastTriggered: Instant(epochSeconds: 1_795_590_000)),
            MonitorGroupState(name: "host:b", status: .ok, lastResolved: Instant(epochSeconds: 1_795_580_000)),
            MonitorGroupState(name: "host:c", status: .noData, lastTriggered: Instant(epochSeconds: 1_700_000_000), lastNoData: Instant(epochSeconds: 1_795_570_000)),
            MonitorGroupState(name: "host:d", status: .warn),
        ]
        let check = MonitorClassifier.check(monitor(.alert, multi: true, groups: groups), at: now)
        #expect(check.failingGroups == [
            FailingGroup(name: "host:d", status: "Warn", since: Instant(epochSeconds: 1_795_500_000)),
            FailingGroup(name: "host:c", status: "No Data", since: Instant(epochSeconds: 1_795_570_000)),
            FailingGroup(name: "host:a", status: "Alert", since: Instant(epochSeconds: 1_795_590_000)),
        ])
        #expect(check.since == Instant(epochSeconds: 1_795_500_000))
    }

    @Test func aSimpleMonitorHasNoGroupsToList() {
        let check = MonitorClassifier.check(monitor(.alert, groups: [MonitorGroupState(name: "*", status: .alert)]), at: now)
        #expect(check.failingGroups.isEmpty)
        #expect(check.since == Instant(epochSeconds: 1_795_500_000))
    }

    @Test func aWholeMonitorDowntimeOrSilenceMutes() {
        let downtime = MonitorDowntime(scopes: ["*"], start: now.adding(seconds: -60), end: now.adding(seconds: 60))
        #expect(MonitorClassifier.check(monitor(.alert, downtimes: [downtime]), at: now).checkClass == .muted)
        #expect(MonitorClassifier.check(monitor(.alert, silenced: ["*": nil]), at: now).checkClass == .muted)
        #expect(MonitorClassifier.check(monitor(.ok, silenced: ["*": now.adding(seconds: 60)]), at: now).checkClass == .muted)
    }

    @Test func expiredOrInactiveMutesDoNotCount() {
        let ended = MonitorDowntime(scopes: ["*"], start: now.adding(seconds: -600), end: now.adding(seconds: -60))
        let inactive = MonitorDowntime(scopes: ["*"], active: false)
        #expect(MonitorClassifier.check(monitor(.alert, downtimes: [ended, inactive]), at: now).checkClass == .alert)
        #expect(MonitorClassifier.check(monitor(.alert, silenced: ["*": now.adding(seconds: -1)]), at: now).checkClass == .alert)
    }

    @Test func aScopedMuteCoversOnlyItsGroups() {
        let groups = [
            MonitorGroupState(name: "env:prd,host:a", status: .alert),
            MonitorGroupState(name: "env:prd,host:b", status: .alert),
        ]
        let one = monitor(.alert, multi: true, groups: groups, silenced: ["host:a": nil])
        #expect(MonitorClassifier.check(one, at: now).checkClass == .alert)
        let both = monitor(.alert, multi: true, groups: groups, downtimes: [MonitorDowntime(scopes: ["env:prd"], active: true)])
        #expect(MonitorClassifier.check(both, at: now).checkClass == .muted)
    }

    /// A simple monitor is one group: a downtime Datadog matched to it, whatever its scope, mutes all of it.
    @Test func aSimpleMonitorUnderAScopedMatchingDowntimeIsMuted() {
        let scoped = MonitorDowntime(scopes: ["env:prd"], active: true)
        #expect(MonitorClassifier.check(monitor(.alert, downtimes: [scoped]), at: now).checkClass == .muted)
        #expect(MonitorClassifier.check(monitor(.alert, silenced: ["env:prd": nil]), at: now).checkClass == .muted)
        let ended = MonitorDowntime(scopes: ["env:prd"], start: now.adding(seconds: -600), end: now.adding(seconds: -60))
        #expect(MonitorClassifier.check(monitor(.alert, downtimes: [ended]), at: now).checkClass == .alert)
    }

    @Test func anErrorKeepsWhatTheListingSaid() {
        let check = MonitorClassifier.error(monitor(.ok), detail: "monitor deleted since it was listed")
        #expect(check.checkClass == .error)
        #expect(check.name == "[P1][DB] CPU high")
        #expect(check.monitorJSON == "{}")
        #expect(check.errorDetail == "monitor deleted since it was listed")
    }

    @Test func checksSortMostUrgentFirst() {
        func check(_ checkClass: CheckClass, _ priority: Int?, _ label: String) -> MonitorCheck {
            MonitorCheck(monitorID: label, name: label, priority: priority, checkClass: checkClass, label: label, category: .other)
        }
        let sorted = [check(.ok, 1, "a"), check(.alert, 2, "b"), check(.alert, 1, "c"), check(.error, nil, "d"), check(.muted, 1, "e")]
            .sorted(by: MonitorCheck.displayOrder)
        #expect(sorted.map(\.label) == ["d", "c", "b", "e", "a"])
    }

    @Test func theRunCountsByClassAndPriority() {
        let checks = [
            MonitorCheck(monitorID: "1", name: "", priority: 1, checkClass: .ok, label: "1", category: .other),
            MonitorCheck(monitorID: "2", name: "", priority: 1, checkClass: .alert, label: "2", category: .other),
            MonitorCheck(monitorID: "3", name: "", priority: 2, checkClass: .alert, label: "3", category: .other),
            MonitorCheck(monitorID: "4", name: "", priority: nil, checkClass: .error, label: "4", category: .other),
        ]
        let run = CheckRun(slotID: "2026-11-25T09:00", started: now, finished: now.adding(seconds: 3), checks: checks)
        #expect(run.counts == [.ok: 1, .alert: 2, .error: 1])
        #expect(run.countsByPriority == [1: [.ok: 1, .alert: 1], 2: [.alert: 1], 0: [.error: 1]])
        #expect(run.total == 4)
        #expect(run.notOK == 3)
    }
}
