import CivilTime

/// Everything one `opsdaily inventory` run found, as every output writes it: the rows of each kind, how each
/// (account, region, kind) ended, and the cost.
public struct InventoryReport: Sendable {
    public let label: String
    public let month: ReportMonth
    public let generated: Instant
    public let accounts: [Account]
    public let regions: [String]
    public let kinds: [InventoryCollector.KindRows]
    public let coverage: [CoverageEntry]
    public let cost: CostReport?
    public let exchangeRate: ExchangeRate?

    public struct Account: Sendable, Equatable {
        public let profile: String
        public let accountID: String

        public init(profile: String, accountID: String) {
            self.profile = profile
            self.accountID = accountID
        }
    }

    public init(
        label: String, month: ReportMonth, generated: Instant, accounts: [Account], regions: [String], kinds: [InventoryCollector.KindRows],
        coverage: [CoverageEntry], cost: CostReport?, exchangeRate: ExchangeRate?
    ) {
        self.label = label
        self.month = month
        self.generated = generated
        self.accounts = accounts
        self.regions = regions
        self.kinds = kinds
        self.coverage = coverage
        self.cost = cost
        self.exchangeRate = exchangeRate
    }

    /// With several accounts every sheet gains an Account column and the summary per-account totals.
    public var hasSeveralAccounts: Bool { accounts.count > 1 }

    /// Exit status 1 when anything ended in `error` (SPEC §13.1); `denied` and `not available` are reported, not failures.
    public var hasErrors: Bool { coverage.contains { if case .error = $0.state { return true } else { return false } } }

    /// A kind sheet's header: Account (several accounts), Region, then the kind's columns.
    public func header(of kind: ResourceKind) -> [String] {
        (hasSeveralAccounts ? ["Account"] : []) + ["Region"] + kind.columns.map(\.header)
    }

    /// A row as the sheet writes it, under `header(of:)`.
    public func cells(of row: ResourceRow) -> [FieldValue] {
        (hasSeveralAccounts ? [.text(row.account)] : []) + [.text(row.region)] + row.cells
    }
}

/// The month's cost over the run: all accounts together, each account, and the requests made.
public struct CostReport: Sendable {
    public let combined: CostTable
    public let perAccount: [(account: String, table: CostTable)]
    public let requests: [Request]

    public struct Request: Sendable, Equatable {
        public let profile: String
        public let account: String
        public let start: String
        public let end: String
        public let pages: Int
    }

    public init(lines: [CostLine], month: ReportMonth, kinds: [ResourceKind], accounts: [String], requests: [Request]) {
        combined = CostTable(lines: lines, month: month, kinds: kinds)
        perAccount = accounts.map { account in (account, CostTable(lines: lines.filter { $0.account == account }, month: month, kinds: kinds)) }
        self.requests = requests
    }
}

extension CostReport.Request {
    public init(profile: String, answer: CostExplorerReader.Answer) {
        self.init(profile: profile, account: answer.query.accountID, start: answer.query.start, end: answer.query.end, pages: answer.pages)
    }
}

/// `--exchange-rate KRW=1385.20`: one rate the operator states (no scraping), written once in the workbook
/// and used by formulas, so changing the cell reprices the sheet.
public struct ExchangeRate: Sendable, Equatable {
    public let currency: String
    public let rate: Money

    /// `KRW=1385.20`: a three-letter code and a positive decimal.
    public init?(parsing text: String) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 3, parts[0].allSatisfy({ $0.isASCII && $0.isLetter }),
              parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let rate = Money(parsing: parts[1]), rate > .zero
        else { return nil }
        currency = parts[0].uppercased()
        self.rate = rate
    }
}
