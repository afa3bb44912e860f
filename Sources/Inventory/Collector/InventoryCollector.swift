import AWSCore
import CivilTime
import HTTPCore

/// Lists the catalogue's kinds in every account and region of a run, concurrently but never more than
/// `callsPerService` calls to one service of one account at a time, each call with the client's standard
/// retry. Every (account, region, kind) ends as a coverage entry; one failing never stops the others.
public struct InventoryCollector: Sendable {
    public let kinds: [ResourceKind]
    public let month: ReportMonth
    /// The operator's `--page-size`; nil asks each API for its largest page.
    public let pageSize: Int?
    public let callsPerService: Int
    public let now: Instant
    public let sleeper: any RetrySleeper

    public init(
        kinds: [ResourceKind], month: ReportMonth, pageSize: Int? = nil, callsPerService: Int = 8, now: Instant,
        sleeper: any RetrySleeper = TaskSleeper()
    ) {
        self.kinds = kinds
        self.month = month
        self.pageSize = pageSize
        self.callsPerService = callsPerService
        self.now = now
        self.sleeper = sleeper
    }

    /// One kind's rows over the whole run, in account, region and listing order.
    public struct KindRows: Sendable {
        public let kind: ResourceKind
        public let rows: [ResourceRow]
    }

    public struct Result: Sendable {
        public let kinds: [KindRows]
        public let coverage: [CoverageEntry]
    }

    /// How many (account, region, kind) steps `collect` will take: the progress bar's total.
    public func steps(for accounts: [InventoryAccount]) -> Int {
        accounts.reduce(0) { total, account in total + kinds.reduce(0) { $0 + account.regions(for: $1.reach).count } }
    }

    public func collect(_ accounts: [InventoryAccount], progress: @escaping @Sendable (CoverageEntry) -> Void = { _ in }) async -> Result {
        struct Step: Sendable {
            let order: Int
            let kindIndex: Int
            let account: InventoryAccount
            let region: String
        }
        var steps: [Step] = []
        for (accountIndex, account) in accounts.enumerated() {
            for (kindIndex, kind) in kinds.enumerated() {
                for (regionIndex, region) in account.regions(for: kind.reach).enumerated() {
                    steps.append(Step(order: (kindIndex * accounts.count + accountIndex) * 1_000 + regionIndex, kindIndex: kindIndex, account: account, region: region))
                }
            }
        }
        let gates = CallGates(limit: callsPerService)
        let finished = await withTaskGroup(of: (Int, Int, [ResourceRow], CoverageEntry).self) { group in
            for step in steps {
                group.addTask {
                    let (rows, entry) = await run(kinds[step.kindIndex], account: step.account, region: step.region, gates: gates)
                    progress(entry)
                    return (step.order, step.kindIndex, rows, entry)
                }
            }
            var finished: [(Int, Int, [ResourceRow], CoverageEntry)] = []
            for await result in group { finished.append(result) }
            return finished.sorted { $0.0 < $1.0 }
        }
        let kindRows = kinds.indices.map { index in
            KindRows(kind: kinds[index], rows: finished.filter { $0.1 == index }.flatMap(\.2))
        }
        return Result(kinds: kindRows, coverage: finished.map(\.3))
    }

    private func run(_ kind: ResourceKind, account: InventoryAccount, region: String, gates: CallGates) async -> ([ResourceRow], CoverageEntry) {
        let counter = CallCounter()
        let context = ListingContext(
            account: account, region: region, gates: gates, counter: counter, month: month, pageSize: pageSize, now: now, sleeper: sleeper)
        let place = kind.reach.isGlobal ? "global" : region
        let started = ContinuousClock.now
        func seconds() -> Double {
            let elapsed = started.duration(to: .now).components
            return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        }
        do {
            let outcome = try await KindLister(kind: kind, context: context).list()
            let detail = outcome.detailFailures.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: "; ")
            let entry = CoverageEntry(
                profile: account.profile, account: account.accountID, region: place, kind: kind.id, state: .ok(rows: outcome.rows.count),
                calls: counter.value, seconds: seconds(), detail: detail.isEmpty ? "" : "detail calls failed: " + detail)
            return (outcome.rows, entry)
        } catch {
            let usesDefaultEndpoint = (try? context.client(kind.api))?.configuration.endpoint.isCustom == false
            let state = Coverage.state(of: error, usesDefaultEndpoint: usesDefaultEndpoint)
            let entry = CoverageEntry(
                profile: account.profile, account: account.accountID, region: place, kind: kind.id, state: state, calls: counter.value,
                seconds: seconds(), detail: String(String(describing: error).prefix(300)))
            return ([], entry)
        }
    }
}
