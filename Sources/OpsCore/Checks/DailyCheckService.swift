import CivilTime
import HTTPCore
import Logging

/// One daily-check run (SPEC §6): the slot from the event, every selected monitor checked, the run and its
/// monitors stored, the report published, one Slack post per slot however often Lambda retries.
public struct DailyCheckService: ScheduledService {
    public let slots: CheckSlots
    public let checker: MonitorChecker
    public let store: any CheckStore & PostMarkerStore
    public let reports: any ReportStore
    public let reportPrefix: String
    public let report: CheckReport
    public let message: CheckMessage
    public let poster: OncePerSlotPoster
    public let retentionDays: Int
    public let clock: @Sendable () -> Instant

    public init(
        slots: CheckSlots, checker: MonitorChecker, store: any CheckStore & PostMarkerStore, reports: any ReportStore, reportPrefix: String,
        report: CheckReport, message: CheckMessage, slack: any SlackPoster, retentionDays: Int,
        clock: @escaping @Sendable () -> Instant
    ) {
        self.slots = slots
        self.checker = checker
        self.store = store
        self.reports = reports
        self.reportPrefix = reportPrefix
        self.report = report
        self.message = message
        poster = OncePerSlotPoster(function: "daily-check", store: store, slack: slack, clock: clock)
        self.retentionDays = retentionDays
        self.clock = clock
    }

    public func run(event: [UInt8], requestID: String, deadline: Instant, logger: Logger) async throws -> DailyCheckOutcome {
        let invocation = try ScheduledInvocation(json: event)
        let slot = try invocation.checkSlot(in: slots)
        let started = clock()
        let budget = InvocationBudget(deadline: deadline, now: started)
        logger.info("checking", metadata: ["slot": "\(slot.id)"])
        try await RetryDeadline.bounding(by: budget.finishing) {
            try await store.begin(run: .running(slotID: slot.id, started: started, retentionDays: retentionDays))
        }

        let checks: [MonitorCheck]
        var failure: String?
        do {
            checks = try await RetryDeadline.bounding(by: budget.reading) { try await checker.run() }
        } catch {
            checks = []
            failure = "the monitors could not be listed: \(error)"
            logger.error("check failed", metadata: ["slot": "\(slot.id)", "error": "\(error)"])
        }
        let run = CheckRun(slotID: slot.id, started: started, finished: clock(), checks: checks)
        let status: CheckRunStatus = failure != nil ? .failed : run.incompleteness != nil ? .incomplete : .finished
        if let incompleteness = run.incompleteness {
            logger.warning("check incomplete", metadata: ["slot": "\(slot.id)", "reason": "\(incompleteness)"])
        }

        return try await RetryDeadline.bounding(by: budget.finishing) {
            var published: PublishedReport?
            do {
                published = try await reports.publish(
                    html: report.render(run: run, checks: checks), key: ReportKey.key(prefix: reportPrefix, kind: "check", slot: slot))
            } catch {
                logger.error("report not published", metadata: ["slot": "\(slot.id)", "error": "\(error)"])
            }

            let expiresAt = Retention(days: retentionDays).expiresAt(epochMilliseconds: run.finished.epochMilliseconds)
            try await store.save(
                run: CheckRunRecord(run: run, status: status, reportKey: published?.key,
                                    error: failure ?? run.incompleteness, retentionDays: retentionDays),
                monitors: checks.map { MonitorCheckRecord(check: $0, slotID: slot.id, expiresAt: expiresAt) }
            )

            let posted = try await poster.post(
                slackMessage(slot: slot, run: run, checks: checks, report: published, failure: failure), slotID: slot.id,
                manual: invocation.isManual, requestID: requestID, deadline: deadline, logger: logger)
            logger.info("checked", metadata: [
                "slot": "\(slot.id)", "status": "\(status)", "total": "\(run.total)", "notOK": "\(run.notOK)", "posted": "\(posted)",
            ])
            return DailyCheckOutcome(
                slot: slot.id, status: status, total: run.total, notOK: run.notOK,
                counts: Dictionary(uniqueKeysWithValues: run.counts.map { ($0.key.rawValue, $0.value) }),
                reportKey: published?.key, reportURL: published?.url, posted: posted, incompleteness: run.incompleteness)
        }
    }

    private func slackMessage(slot: CheckSlot, run: CheckRun, checks: [MonitorCheck], report: PublishedReport?, failure: String?) -> SlackMessage {
        guard let failure else { return message.build(run: run, checks: checks, report: report.map(ReportLink.init)) }
        return SlackMessage(text: "daily-check \(slot.id) FAILED: " + SlackText.escape(failure), blocks: [
            .header("daily-check \(slot.id) failed"),
            .section(text: ":rotating_light: *No monitor was checked.* " + SlackText.escape(failure)),
        ])
    }
}
