import AWSCore
import AWSCredentialSources
import CivilTime
import Inventory

/// One inventory run: the accounts behind the profiles, their kinds in every region, their cost, as one
/// report. Profiles that cannot be resolved (expired SSO, a broken role) are coverage entries; the others run.
struct InventoryRun {
    let session: AWSSession
    let global: GlobalOptions
    let options: InventoryOptions
    let now: Instant

    static let accountKind = "account"

    func report(progress: Progress?) async throws -> InventoryReport {
        let kinds = try options.kinds()
        let month = options.reportMonth(now: now)
        let (accounts, failures) = await resolveAccounts()
        let collector = InventoryCollector(
            kinds: kinds, month: month, pageSize: options.pageSize, callsPerService: options.callsPerService, now: now)
        progress?.add(total: collector.steps(for: accounts) + (options.noCost ? 0 : accounts.count))
        let listed = await collector.collect(accounts) { entry in
            progress?.step("\(entry.profile) \(entry.region) \(entry.kind): \(entry.state)", failed: entry.state.name == "error")
        }
        var coverage = failures + listed.coverage
        var cost: CostReport?
        if !options.noCost, !accounts.isEmpty {
            let read = await CostCollector(month: month).collect(accounts)
            for entry in read.coverage {
                progress?.step("\(entry.profile) cost: \(entry.state)", failed: entry.state.name == "error")
            }
            coverage += read.coverage
            cost = CostReport(lines: read.lines, month: month, kinds: kinds, accounts: accounts.map(\.accountID), requests: read.requests)
        }
        progress?.finish()
        return InventoryReport(
            label: options.reportLabel(profiles: global.profiles), month: month, generated: now,
            accounts: accounts.map { InventoryReport.Account(profile: $0.profile, accountID: $0.accountID) },
            regions: accounts.first?.regions ?? global.regions, kinds: listed.kinds, coverage: coverage, cost: cost,
            exchangeRate: options.exchangeRate.flatMap(ExchangeRate.init(parsing:)))
    }

    /// Each profile's account and regions: the command line's, else the profile's own.
    func resolveAccounts() async -> ([InventoryAccount], [CoverageEntry]) {
        var accounts: [InventoryAccount] = []
        var failures: [CoverageEntry] = []
        for (profile, result) in await session.resolveAccounts(global) {
            switch result {
            case .success(let resolved):
                accounts.append(InventoryAccount(
                    profile: resolved.scope.profileLabel, accountID: resolved.accountID,
                    regions: global.regions.isEmpty ? [resolved.scope.region] : global.regions, client: resolved.scope.client,
                    environment: session.environment))
            case .failure(let error):
                failures.append(CoverageEntry(
                    profile: profile, account: "", region: "global", kind: Self.accountKind,
                    state: .error(code: "credentials"), calls: 0, detail: String(String(describing: error).prefix(300))))
            }
        }
        return (accounts, failures)
    }
}
