/// The month's cost as summary rows (SPEC §13.1): each Cost Explorer service on the row of the kind that owns
/// it, an "Other" row per service no kind owns, and Tax, Credit, Refund and any other record type on rows of
/// their own, never mixed into a service (the 2023 script let tax overwrite a service's cost). Each row is
/// rounded to the cent once, and the total is the sum of the rounded rows, so the sheet adds up.
public struct CostTable: Sendable, Equatable {
    public let month: ReportMonth
    public let rows: [CostRow]
    public let total: Money
    public let previousTotal: Money
    /// The unrounded sum, to reconcile with the bill to the fraction of a cent.
    public let exactTotal: Money
    /// Cost Explorer marks the report month as still estimated (not closed).
    public let estimated: Bool
    public let currency: String

    /// Record types that are a service's own spending, shown on its row.
    static let usageRecordTypes: Set<String> = ["Usage", "DiscountedUsage", "SavingsPlanCoveredUsage"]
    static let adjustmentLabels = ["Tax": "Tax", "Credit": "Credits", "Refund": "Refunds"]
    static let adjustmentOrder = ["Tax", "Credit", "Refund"]

    public init(lines: [CostLine], month: ReportMonth, kinds: [ResourceKind]) {
        self.month = month
        var owner: [String: ResourceKind] = [:]
        for kind in kinds {
            for service in kind.costServices where owner[service] == nil { owner[service] = kind }
        }
        struct Sums {
            var current: [String: Money] = [:]
            var previous = Money.zero
            var services: Set<String> = []
        }
        // Summed per account and rounded there: the all-accounts rows are sums of the accounts' rows as each
        // account's sheet shows them, so every total on every sheet adds up to the cent.
        struct Key: Hashable {
            let account: String
            let row: CostRow.Kind
        }
        var sums: [Key: Sums] = [:]
        for line in lines where line.month == month || line.month == month.previous {
            let row: CostRow.Kind
            if !Self.usageRecordTypes.contains(line.recordType) {
                row = .adjustment(recordType: line.recordType)
            } else if let kind = owner[line.service] {
                row = .service(kindID: kind.id)
            } else {
                row = .other(service: line.service)
            }
            let key = Key(account: line.account, row: row)
            var sum = sums[key] ?? Sums()
            sum.services.insert(line.service)
            if line.month == month {
                for (metric, amount) in line.amounts { sum.current[metric, default: .zero] += amount }
            } else {
                sum.previous += line.unblended
            }
            sums[key] = sum
        }
        var combined: [CostRow.Kind: Sums] = [:]
        for (key, sum) in sums {
            var total = combined[key.row] ?? Sums()
            total.services.formUnion(sum.services)
            for (metric, amount) in sum.current { total.current[metric, default: .zero] += amount.roundedToCents }
            total.previous += sum.previous.roundedToCents
            combined[key.row] = total
        }
        let sheetNames = Dictionary(kinds.map { ($0.id, $0.sheet) }, uniquingKeysWith: { first, _ in first })
        let kindOrder = Dictionary(kinds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows = combined.map { key, sum in
            let label: String
            switch key {
            case .service(let id): label = sheetNames[id] ?? id
            case .other(let service): label = service
            case .adjustment(let recordType): label = Self.adjustmentLabels[recordType] ?? recordType
            }
            return CostRow(
                kind: key, label: label, services: sum.services.sorted(), amount: sum.current["UnblendedCost"] ?? .zero,
                previous: sum.previous, amortized: sum.current["AmortizedCost"] ?? .zero, netUnblended: sum.current["NetUnblendedCost"] ?? .zero)
        }
        rows.sort { lhs, rhs in
            switch (lhs.kind, rhs.kind) {
            case (.service(let left), .service(let right)): return (kindOrder[left] ?? 0) < (kindOrder[right] ?? 0)
            case (.service, _): return true
            case (_, .service): return false
            case (.other, .other): return (rhs.amount, lhs.label) < (lhs.amount, rhs.label)
            case (.other, _): return true
            case (_, .other): return false
            case (.adjustment(let left), .adjustment(let right)):
                let order = { (type: String) in Self.adjustmentOrder.firstIndex(of: type) ?? Self.adjustmentOrder.count }
                return (order(left), left) < (order(right), right)
            }
        }
        self.rows = rows
        total = rows.reduce(.zero) { $0 + $1.amount }
        previousTotal = rows.reduce(.zero) { $0 + $1.previous }
        exactTotal = lines.filter { $0.month == month }.reduce(.zero) { $0 + $1.unblended }
        estimated = lines.contains { $0.month == month && $0.estimated }
        currency = lines.first?.unit ?? "USD"
    }

    /// The row of a kind, if its services cost anything in either month.
    public func row(ofKind id: String) -> CostRow? {
        rows.first { $0.kind == .service(kindID: id) }
    }
}

/// One summary row of cost: amounts rounded to the cent.
public struct CostRow: Sendable, Equatable {
    public enum Kind: Sendable, Hashable {
        case service(kindID: String)
        case other(service: String)
        case adjustment(recordType: String)
    }

    public let kind: Kind
    public let label: String
    /// The Cost Explorer services on the row.
    public let services: [String]
    public let amount: Money
    public let previous: Money
    public let amortized: Money
    public let netUnblended: Money

    init(kind: Kind, label: String, services: [String], amount: Money, previous: Money, amortized: Money, netUnblended: Money) {
        self.kind = kind
        self.label = label
        self.services = services
        self.amount = amount.roundedToCents
        self.previous = previous.roundedToCents
        self.amortized = amortized.roundedToCents
        self.netUnblended = netUnblended.roundedToCents
    }

    public var change: Money { amount - previous }
}
