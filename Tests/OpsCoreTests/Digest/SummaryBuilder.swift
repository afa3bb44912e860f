import CivilTime
import OpsCore

/// Notification summaries from hand-made alerts, the way the notification function will assemble them:
/// the slot from the configured slots, its window and local day, digests of both, the trend against the
/// window a day earlier, and a check run in one of its stored states.
struct SummaryBuilder {
    var zone: ZoneRules
    var slots: CheckSlots
    var slot: CheckSlot

    init(zone: String = "Asia/Seoul", slots: String = "09:00,20:00", slot: String = "2026-11-25T09:00") throws {
        self.zone = try ZoneRules.named(zone, tzdataDirectories: ["/usr/share/zoneinfo"])
        self.slots = try CheckSlots(parsing: slots, zone: self.zone)
        self.slot = try self.slots.slot(at: LocalDateTime(parsing: slot))!
    }

    var window: TimeWindow { slots.window(of: slot) }

    /// `AlertDigestTests.alert` (one parsed payload) moved to `time` and given the fields these tests look at.
    static func alert(
        _ id: String, monitor: String, at time: Instant, _ transition: String = "Triggered", priority: Int? = 2,
        scope: String? = nil, title: String? = nil, link: String? = nil, metric: String? = nil, test: Bool = false
    ) -> Alert {
        var alert = AlertDigestTests.alert(id, monitor: monitor, at: 0, transition, priority: priority, scope: scope, test: test)
        alert.eventTime = time.epochMilliseconds
        if let title { alert.title = title }
        alert.link = link
        alert.metric = metric
        return alert
    }

    /// A local wall time of the builder's zone as an instant.
    func at(_ local: String) throws -> Instant { zone.instant(for: try LocalDateTime(parsing: local)) }

    enum Run { case finished, failed, running, missing }

    func checkRun(_ state: Run, notOK: [MonitorCheck] = []) -> CheckRunSummary {
        let started = slot.instant
        let run = CheckRun(slotID: slot.id, started: started, finished: started.adding(seconds: 4), checks: notOK)
        let status: CheckRunStatus = switch state {
        case .finished, .missing: .finished
        case .failed: .failed
        case .running: .running
        }
        let record = CheckRunRecord(run: run, status: status, reportKey: nil, error: state == .failed ? "Datadog answered 403" : nil, retentionDays: 400)
        return CheckRunSummary(
            slotID: slot.id, record: state == .missing ? nil : record,
            notOK: notOK.map { MonitorCheckRecord(check: $0, slotID: slot.id, expiresAt: 0) })
    }

    /// `alerts` and `earlier` in any order; the summary keeps the window's alerts in time order.
    func summary(_ alerts: [Alert], earlier: [Alert] = [], checkRun: CheckRunSummary? = nil) -> NotificationSummary {
        let window = self.window
        let day = TimeWindow(start: zone.startOfDay(slot.date), end: slot.instant)
        let dayEarlier = TimeWindow(start: window.start.adding(seconds: -86_400), end: window.end.adding(seconds: -86_400))
        let windowDigest = AlertDigest(alerts: alerts, window: window)
        return NotificationSummary(
            slot: slot, window: window, day: day, windowDigest: windowDigest, dayDigest: AlertDigest(alerts: alerts, window: day),
            trend: AlertTrend(current: windowDigest, previous: AlertDigest(alerts: earlier, window: dayEarlier)),
            alerts: alerts.filter { window.contains(Instant(epochMilliseconds: $0.eventTime)) }
                .sorted { ($0.eventTime, $0.eventID) < ($1.eventTime, $1.eventID) },
            checkRun: checkRun ?? self.checkRun(.finished))
    }
}

extension SummaryBuilder {
    static let hostileTitle = #"<script>alert(1)</script>"><img src=x onerror=alert(1)> <!channel>"#
    static let hostileScope = "<!here> host:a&amp;b"
    static let datadogLink = "https://app.datadoghq.com/monitors/1?group=host%3Aa&from_ts=1"

    /// The hand-computed night in Seoul behind most tests (window 2026-11-24 20:00 – 2026-11-25 09:00 KST):
    /// m1 triggers and recovers within the 20:00 hour; m2 triggers at 20:59:59 and re-triggers at 02:00;
    /// m3 (no priority) at 23:30; a `[TEST]` at 02:05; m5 with hostile values at 05:15; m4 warns at 08:59.
    /// One alert falls just before the window. Seven count, one test, four episodes stay open.
    func sampleAlerts() throws -> [Alert] {
        var hostile = Self.alert(
            "7", monitor: "m5", at: try at("2026-11-25T05:15:00"), title: Self.hostileTitle, link: "javascript:alert(1)",
            metric: #""><img onerror=alert(2)>"#)
        hostile.scope = Self.hostileScope
        return [
            Self.alert("0", monitor: "m0", at: try at("2026-11-24T19:59:00"), priority: 1),
            Self.alert("1", monitor: "m1", at: try at("2026-11-24T20:10:00"), priority: 1, scope: "host:a", link: Self.datadogLink),
            Self.alert("2", monitor: "m1", at: try at("2026-11-24T20:40:00"), "Recovered", priority: 1, scope: "host:a"),
            Self.alert("3", monitor: "m2", at: try at("2026-11-24T20:59:59"), metric: "system.cpu.user"),
            Self.alert("4", monitor: "m3", at: try at("2026-11-24T23:30:00"), priority: nil),
            Self.alert("5", monitor: "m2", at: try at("2026-11-25T02:00:00"), "Re-Triggered"),
            Self.alert("6", monitor: "m9", at: try at("2026-11-25T02:05:00"), priority: 1, test: true),
            hostile,
            Self.alert("8", monitor: "m4", at: try at("2026-11-25T08:59:00"), "Warn", priority: 3),
        ]
    }

    /// Two alerts in the same window a day earlier.
    func dayEarlier() throws -> [Alert] {
        [
            Self.alert("y1", monitor: "m1", at: try at("2026-11-23T21:00:00")),
            Self.alert("y2", monitor: "m1", at: try at("2026-11-23T22:00:00"), "Recovered"),
        ]
    }
}
