import CivilTime
import HTTPCore
import Logging

/// One notification run (SPEC §7): the slot from the event, its check run found by key, the alerts of the
/// window and the local day so far read in full, the alert report published, one Slack post per slot.
public struct NotificationService: ScheduledService {
    public let slots: CheckSlots
    public let alerts: any AlertSource
    public let checks: any CheckRunSource & PostMarkerStore
    public let reports: any ReportStore
    public let reportPrefix: String
    public let report: AlertReport
    public let message: DigestMessage
    public let poster: OncePerSlotPoster

    public init(
        slots: CheckSlots, alerts: any AlertSource, checks: any CheckRunSource & PostMarkerStore, reports: any ReportStore,
        reportPrefix: String, report: AlertReport, message: DigestMessage, slack: any SlackPoster,
        clock: @escaping @Sendable () -> Instant
    ) {
        self.slots = slots
        self.alerts = alerts
        self.checks = checks
        self.reports = reports
        self.reportPrefix = reportPrefix
        self.report = report
        self.message = message
        poster = OncePerSlotPoster(function: "notification", store: checks, slack: slack, clock: clock)
    }

    public func run(event: [UInt8], requestID: String, deadline: Instant, logger: Logger) async throws -> NotificationOutcome {
        let invocation = try ScheduledInvocation(json: event)
        let slot = try invocation.checkSlot(in: slots)
        let started = poster.clock()
        let budget = InvocationBudget(deadline: deadline, now: started)
        let summary = try await RetryDeadline.bounding(by: budget.reading) { try await summarise(slot: slot) }
        logger.info("summarised", metadata: [
            "slot": "\(slot.id)", "window": "\(summary.window)", "alerts": "\(summary.windowDigest.total)",
            "read": "\(summary.alerts.count)", "checkRun": "\(summary.checkRun.status)",
            "ms": "\(poster.clock().epochMilliseconds - started.epochMilliseconds)",
        ])
        if let warning = summary.checkRun.warning {
            logger.warning("check run not usable", metadata: ["slot": "\(slot.id)", "warning": "\(warning)"])
        }

        return try await RetryDeadline.bounding(by: budget.finishing) {
            var published: PublishedReport?
            do {
                published = try await reports.publish(
                    html: report.render(summary), key: ReportKey.key(prefix: reportPrefix, kind: "alerts", slot: slot))
            } catch {
                logger.error("alert report not published", metadata: ["slot": "\(slot.id)", "error": "\(error)"])
            }
            var checkReport: PublishedReport?
            if let key = summary.checkRun.record?.reportKey {
                do {
                    checkReport = try await reports.link(key: key)
                } catch {
                    logger.error("no link to the check report", metadata: ["slot": "\(slot.id)", "error": "\(error)"])
                }
            }

            let text = message.build(
                summary, alertReport: published.map(ReportLink.init),
                checkReport: checkReport.map(ReportLink.init))
            let posted = try await poster.post(
                text, slotID: slot.id, manual: invocation.isManual, requestID: requestID, deadline: deadline, logger: logger)
            return NotificationOutcome(summary: summary, report: published, posted: posted)
        }
    }

    /// The window since the previous slot, the local day up to the slot, and the same window a day earlier.
    /// The window and the day overlap, so they are read as one span.
    func summarise(slot: CheckSlot) async throws -> NotificationSummary {
        let window = slots.window(of: slot)
        let day = TimeWindow(start: slots.zone.startOfDay(slot.date), end: slot.instant)
        let span = TimeWindow(start: min(window.start, day.start), end: slot.instant)
        // The same slot's window a local day earlier: not 24 h earlier, which on a DST day would cross a slot.
        let earlier = slots.slot(on: slot.date.previous, at: slot.time).map { slots.window(of: $0) }
            ?? TimeWindow(start: window.start.adding(seconds: -86_400), end: window.end.adding(seconds: -86_400))
        // The day before the window, streamed: it gives the troubles still open when the window began (a
        // trigger at 19:55 belongs in the 09:00 digest) and the earlier window's count, and keeps no alert.
        var before = EpisodePairing()
        var earlierCount = 0
        try await alerts.forEachAlert(in: TimeWindow(start: min(earlier.start, window.start.adding(seconds: -86_400)), end: window.start)) { alert in
            guard !alert.isTest else { return }
            if earlier.contains(Instant(epochMilliseconds: alert.eventTime)) { earlierCount += 1 }
            before.add(alert)
            before.forgetClosed()
        }
        let read = try await alerts.alerts(in: span)
        let windowDigest = AlertDigest(alerts: read, window: window, carried: Array(before.open.values))
        return NotificationSummary(
            slot: slot, window: window, day: day, windowDigest: windowDigest, dayDigest: AlertDigest(alerts: read, window: day),
            trend: AlertTrend(current: windowDigest.total, previous: earlierCount),
            alerts: span == window ? read : read.filter { window.contains(Instant(epochMilliseconds: $0.eventTime)) },
            checkRun: try await checks.checkRun(slotID: slot.id))
    }
}
