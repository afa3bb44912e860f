/// Reads every account's cost, one Cost Explorer request (all its pages) per account, concurrently. An
/// account whose cost cannot be read is a coverage entry (`cost` in `global`), never a zero.
public struct CostCollector: Sendable {
    public let month: ReportMonth

    public init(month: ReportMonth) {
        self.month = month
    }

    public struct Result: Sendable {
        public let lines: [CostLine]
        public let requests: [CostReport.Request]
        public let coverage: [CoverageEntry]
    }

    public static let coverageKind = "cost"

    public func collect(_ accounts: [InventoryAccount]) async -> Result {
        let outcomes = await withTaskGroup(of: (Int, Swift.Result<CostExplorerReader.Answer, any Error>).self) { group in
            for (index, account) in accounts.enumerated() {
                group.addTask {
                    let query = CostQuery(accountID: account.accountID, month: month)
                    let result = await Swift.Result(catching: {
                        try await CostExplorerReader(client: try account.serviceClient(.costExplorer, region: account.regions[0])).read(query)
                    })
                    return (index, result)
                }
            }
            var outcomes: [(Int, Swift.Result<CostExplorerReader.Answer, any Error>)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.0 < $1.0 }
        }
        var lines: [CostLine] = []
        var requests: [CostReport.Request] = []
        var coverage: [CoverageEntry] = []
        for (index, result) in outcomes {
            let account = accounts[index]
            switch result {
            case .success(let answer):
                lines += answer.lines
                requests.append(CostReport.Request(profile: account.profile, answer: answer))
                coverage.append(CoverageEntry(
                    profile: account.profile, account: account.accountID, region: "global", kind: Self.coverageKind,
                    state: .ok(rows: answer.lines.count), calls: answer.pages,
                    detail: "\(answer.query.start) to \(answer.query.end) (end exclusive)"))
            case .failure(let error):
                coverage.append(CoverageEntry(
                    profile: account.profile, account: account.accountID, region: "global", kind: Self.coverageKind,
                    state: Coverage.state(of: error, usesDefaultEndpoint: false), calls: 0, detail: String(String(describing: error).prefix(300))))
            }
        }
        return Result(lines: lines, requests: requests, coverage: coverage)
    }
}
