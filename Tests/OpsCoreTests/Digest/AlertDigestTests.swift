import CivilTime
import OpsCore
import Testing

/// The digest rules of SPEC §7 against figures computed by hand.
@Suite struct AlertDigestTests {
    static let start: Int64 = 1_795_446_000_000
    static let minute: Int64 = 60_000
    static let window = TimeWindow(start: Instant(epochMilliseconds: start), end: Instant(epochMilliseconds: start + 600 * minute))

    static func alert(
        _ id: String, monitor: String, at minutes: Int64, _ transition: String, priority: Int? = 2,
        cycle: String? = nil, scope: String? = nil, test: Bool = false
    ) -> Alert {
        var body: [String: String] = [
            "id": id, "monitor_id": monitor, "date": String(start + minutes * minute), "transition": transition,
            "alert_title": (test ? "[TEST] " : "") + "\(monitor) title",
        ]
        if let priority { body["priority"] = "P\(priority)" }
        if let cycle { body["alert_cycle_key"] = cycle }
        if let scope { body["scope"] = scope }
        let json = "{" + body.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"
        return try! AlertParser(retentionDays: 400) { _ in "2026-11-24" }.parse(body: Array(json.utf8), receivedAt: 0)
    }

    static let alerts: [Alert] = [
        alert("0", monitor: "m1", at: -10, "Triggered", cycle: "c0"),  // before the window
        alert("1", monitor: "m1", at: 10, "Triggered", cycle: "c1"),
        alert("2", monitor: "m1", at: 20, "Re-Triggered", cycle: "c1"),
        alert("3", monitor: "m1", at: 70, "Recovered", cycle: "c1"),
        alert("4", monitor: "m2", at: 30, "Triggered", priority: 1, scope: "host:a"),
        alert("5", monitor: "m2", at: 50, "Recovered", priority: 1, scope: "host:a"),
        alert("6", monitor: "m2", at: 100, "Triggered", priority: 1, scope: "host:a"),
        alert("7", monitor: "m3", at: 200, "Triggered", priority: 3),
        alert("8", monitor: "m3", at: 205, "Recovered", priority: 3),
        alert("9", monitor: "m3", at: 210, "Triggered", priority: 3),
        alert("10", monitor: "m3", at: 215, "Recovered", priority: 3),
        alert("11", monitor: "m3", at: 220, "Triggered", priority: 3),
        alert("12", monitor: "m4", at: 300, "Triggered", priority: 1, test: true),
        alert("13", monitor: "m5", at: 5, "Recovered", priority: 4),  // its trigger was before the window
    ]

    let digest = AlertDigest(alerts: Self.alerts.shuffled(), window: Self.window)

    @Test func countsByPriorityAndTransitionExcludeTestsAndOtherWindows() {
        #expect(digest.total == 12)
        #expect(digest.testNotifications == 1)
        #expect(digest.counts[2] == [.triggered: 2, .recovered: 1])
        #expect(digest.counts[1] == [.triggered: 2, .recovered: 1])
        #expect(digest.counts[3] == [.triggered: 3, .recovered: 2])
        #expect(digest.counts[4] == [.recovered: 1])
    }

    @Test func episodesPairByCycleKeyElseMonitorAndScope() {
        let closed = digest.episodes.filter { $0.recoveredAt != nil }
        #expect(closed.map(\.timeToRecover) == [60 * Self.minute, 20 * Self.minute, 5 * Self.minute, 5 * Self.minute])
        #expect(closed.first?.notifications == 3, "trigger, re-trigger and recovery of cycle c1")
        #expect(digest.openEpisodes.map(\.monitorID) == ["m2", "m3"])
        #expect(!digest.episodes.contains { $0.monitorID == "m5" }, "a lone recovery is not an episode")
    }

    @Test func timeToRecoverIsTheMedianAndMaximumOfRecoveredEpisodes() {
        // 5, 5, 20 and 60 minutes: the median of an even count is the mean of 5 and 20.
        #expect(digest.medianTimeToRecover == 750_000)
        #expect(digest.maximumTimeToRecover == 3_600_000)
    }

    @Test func noisyAndFlappingMonitors() {
        #expect(digest.noisiest.map(\.monitor) == ["m3", "m1", "m2", "m5"])
        #expect(digest.noisiest.map(\.alerts) == [5, 3, 3, 1])
        // m3 went T, R, T, R, T: five transitions; m2 (T, R, T) has three, under the threshold of four.
        #expect(digest.flapping.map(\.monitor) == ["m3"])
        #expect(digest.flapping.first?.transitions == 5)
    }

    @Test func trendAgainstTheSameWindowADayEarlier() {
        let yesterday = TimeWindow(
            start: Instant(epochMilliseconds: Self.start - 1_440 * Self.minute),
            end: Instant(epochMilliseconds: Self.start - 840 * Self.minute))
        let earlier = (0..<8).map { Self.alert("y\($0)", monitor: "m1", at: -1_400 + Int64($0), "Triggered") }
        let trend = AlertTrend(current: digest, previous: AlertDigest(alerts: earlier, window: yesterday))
        #expect(trend.previous == 8)
        #expect(trend.difference == 4)
        #expect(trend.percent == 50)
        #expect(AlertTrend(current: digest, previous: AlertDigest(alerts: [], window: yesterday)).percent == nil)
    }

    @Test func exactlyFourTransitionsIsFlappingAndThreeIsNot() {
        let four = ["Triggered", "Recovered", "Triggered", "Recovered"].enumerated().map {
            Self.alert("f\($0.offset)", monitor: "four", at: Int64($0.offset), $0.element)
        }
        // A re-trigger is the same category as a trigger: T, T', R, T is three transitions, not four.
        let three = ["Triggered", "Re-Triggered", "Recovered", "Triggered"].enumerated().map {
            Self.alert("t\($0.offset)", monitor: "three", at: Int64($0.offset), $0.element)
        }
        let digest = AlertDigest(alerts: four + three, window: Self.window)
        #expect(digest.flapping.map(\.monitor) == ["four"])
        #expect(digest.noisiest.first { $0.monitor == "three" }?.transitions == 3)
    }

    @Test func flappingIsCountedPerGroupNotAcrossTheMonitorsGroups() {
        // Four hosts of one multi-alert monitor, each changing once: T, R, T, R across the monitor, but no
        // group flapped. One host going T, R, T, R is flapping.
        let spread = ["Triggered", "Recovered", "Triggered", "Recovered"].enumerated().map {
            Self.alert("g\($0.offset)", monitor: "disk", at: Int64($0.offset), $0.element, scope: "host:\($0.offset)")
        }
        let one = ["Triggered", "Recovered", "Triggered", "Recovered"].enumerated().map {
            Self.alert("h\($0.offset)", monitor: "cpu", at: Int64($0.offset), $0.element, scope: "host:a")
        }
        let digest = AlertDigest(alerts: spread + one, window: Self.window)
        #expect(digest.flapping.map(\.monitor) == ["cpu"])
        #expect(digest.noisiest.first { $0.monitor == "disk" }?.transitions == 1)
    }

    @Test func aTroubleFirstSeenAsARepeatBeganBeforeTheWindow() {
        // Renotified at minute 5, recovered at 65: it was triggered before the window, so its start is only
        // a bound and its time to recover is unknown; the fresh trigger at 10 recovers after 20 minutes.
        let alerts = [
            Self.alert("r1", monitor: "db", at: 5, "Renotify", scope: "host:db"),
            Self.alert("r2", monitor: "db", at: 65, "Recovered", scope: "host:db"),
            Self.alert("t1", monitor: "web", at: 10, "Triggered", scope: "host:web"),
            Self.alert("t2", monitor: "web", at: 30, "Recovered", scope: "host:web"),
            Self.alert("x1", monitor: "api", at: 40, "Re-Triggered", scope: "host:api"),
        ]
        let digest = AlertDigest(alerts: alerts, window: Self.window)
        #expect(digest.episodes.map(\.firstSeenAsRepeat) == [true, false, true])
        #expect(digest.medianTimeToRecover == 20 * Self.minute && digest.maximumTimeToRecover == 20 * Self.minute)
        #expect(digest.openEpisodes.map(\.monitorID) == ["api"])
    }

    @Test func troublesOpenWhenTheWindowBeganAreCarriedIn() {
        // Before the window: db triggers at -120 and is still open; web triggers at -60 and recovers at -30.
        var before = EpisodePairing()
        for alert in [
            Self.alert("b1", monitor: "db", at: -120, "Triggered", scope: "host:db"),
            Self.alert("b2", monitor: "web", at: -60, "Triggered", scope: "host:web"),
            Self.alert("b3", monitor: "web", at: -30, "Recovered", scope: "host:web"),
            Self.alert("b4", monitor: "api", at: -20, "Triggered", scope: "host:api"),
        ] { before.add(alert) }
        before.forgetClosed()
        #expect(before.closed.isEmpty && before.open.count == 2)
        // In the window db recovers at 30; api is never mentioned again and stays open.
        let digest = AlertDigest(
            alerts: [Self.alert("w1", monitor: "db", at: 30, "Recovered", scope: "host:db")], window: Self.window,
            carried: Array(before.open.values))
        #expect(digest.total == 1)
        #expect(digest.episodes.map(\.monitorID) == ["db", "api"])
        #expect(digest.openEpisodes.map(\.monitorID) == ["api"])
        #expect(digest.maximumTimeToRecover == 150 * Self.minute, "from the real trigger at -120 to 30")
    }

    @Test func theWindowIncludesItsStartAndExcludesItsEnd() {
        let edges = [
            Self.alert("s", monitor: "m", at: 0, "Triggered"), Self.alert("e", monitor: "m", at: 600, "Recovered"),
            Self.alert("b", monitor: "m", at: -1, "Triggered"),
        ]
        let digest = AlertDigest(alerts: edges, window: Self.window)
        #expect(digest.total == 1)
        #expect(digest.openEpisodes.count == 1, "the recovery at the end belongs to the next window")
    }

    @Test func aQuietWindowHasNothing() {
        let quiet = AlertDigest(alerts: [], window: Self.window)
        #expect(quiet.total == 0 && quiet.episodes.isEmpty && quiet.medianTimeToRecover == nil && quiet.flapping.isEmpty)
    }
}
