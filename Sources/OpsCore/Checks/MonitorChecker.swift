import CivilTime

/// One check pass: discover the selected monitors, then read each one's current state (a few at a time)
/// and classify it. A monitor that cannot be read is an `Error` check; the pass always finishes.
public struct MonitorChecker: Sendable {
    /// Datadog's monitor endpoints allow a few thousand calls an hour; a handful in flight is quick and polite.
    public static let defaultConcurrency = 8

    private let client: DatadogClient
    private let selection: MonitorSelection
    private let concurrency: Int
    private let clock: @Sendable () -> Instant

    public init(
        client: DatadogClient, selection: MonitorSelection, concurrency: Int = MonitorChecker.defaultConcurrency,
        clock: @escaping @Sendable () -> Instant
    ) {
        self.client = client
        self.selection = selection
        self.concurrency = max(1, concurrency)
        self.clock = clock
    }

    /// Throws only when the listing itself fails: without it there is nothing to check. A monitor not read
    /// (rate limit, errors after retries, the `RetryDeadline` reached) is an `Error` check with its reason.
    public func run() async throws(DatadogError) -> [MonitorCheck] {
        let monitors = try await client.listMonitors(tags: selection.tags).filter(selection.includes)
        var checks: [MonitorCheck] = []
        checks.reserveCapacity(monitors.count)
        await withTaskGroup(of: MonitorCheck.self) { group in
            var next = 0
            func startNext() {
                guard next < monitors.count else { return }
                let listed = monitors[next]
                next += 1
                group.addTask { await check(listed) }
            }
            for _ in 0..<concurrency { startNext() }
            while let check = await group.next() {
                checks.append(check)
                startNext()
            }
        }
        return checks.sorted(by: MonitorCheck.displayOrder)
    }

    private func check(_ listed: Monitor) async -> MonitorCheck {
        do {
            let current = try await client.monitor(id: listed.id)
            return MonitorClassifier.check(current, at: clock())
        } catch {
            let failure = ReadFailure(error)
            let detail = failure == .deleted ? "monitor deleted since it was listed" : error.description
            return MonitorClassifier.error(listed, detail: detail, readFailure: failure)
        }
    }
}
