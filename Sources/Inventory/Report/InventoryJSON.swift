#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The run as JSON, for machines: the same rows, coverage and cost as the workbook, amounts as decimal strings.
public enum InventoryJSON {
    public static func encode(_ report: InventoryReport) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(Document(report)))
    }

    struct Document: Encodable {
        let label: String
        let month: String
        let generated: String
        let regions: [String]
        let accounts: [Account]
        let coverage: [Coverage]
        let kinds: [Kind]
        let cost: Cost?
        let exchangeRate: Rate?

        init(_ report: InventoryReport) {
            label = report.label
            month = report.month.description
            generated = report.generated.iso8601()
            regions = report.regions
            accounts = report.accounts.map { Account(profile: $0.profile, account: $0.accountID) }
            coverage = report.coverage.map(Coverage.init)
            kinds = report.kinds.map { Kind($0, report: report) }
            cost = report.cost.map { Cost($0, report: report) }
            exchangeRate = report.exchangeRate.map { Rate(currency: $0.currency, rate: $0.rate.exactDescription) }
        }
    }

    struct Account: Encodable {
        let profile: String
        let account: String
    }

    struct Coverage: Encodable {
        let profile: String
        let account: String
        let region: String
        let kind: String
        let state: String
        let code: String?
        let rows: Int
        let calls: Int
        let seconds: Double
        let detail: String

        init(_ entry: CoverageEntry) {
            profile = entry.profile
            account = entry.account
            region = entry.region
            kind = entry.kind
            state = entry.state.name
            if case .error(let code) = entry.state { self.code = code } else { code = nil }
            if case .ok(let rows) = entry.state { self.rows = rows } else { rows = 0 }
            calls = entry.calls
            seconds = (entry.seconds * 1000).rounded() / 1000
            detail = entry.detail
        }
    }

    struct Kind: Encodable {
        let id: String
        let sheet: String
        let title: String
        let category: String
        let columns: [String]
        let rows: [[String]]

        init(_ kind: InventoryCollector.KindRows, report: InventoryReport) {
            id = kind.kind.id
            sheet = kind.kind.sheet
            title = kind.kind.title
            category = kind.kind.category.rawValue
            columns = report.header(of: kind.kind)
            rows = kind.rows.map { report.cells(of: $0).map(\.text) }
        }
    }

    struct Cost: Encodable {
        let currency: String
        let months: [String]
        let estimated: Bool
        let requests: [Request]
        let rows: [Row]
        let total: String
        let previousTotal: String
        let exactTotal: String
        let accounts: [AccountTotal]

        init(_ cost: CostReport, report: InventoryReport) {
            currency = cost.combined.currency
            months = [report.month.previous.description, report.month.description]
            estimated = cost.combined.estimated
            requests = cost.requests.map { Request(profile: $0.profile, account: $0.account, start: $0.start, end: $0.end, pages: $0.pages) }
            rows = cost.perAccount.flatMap { account, table in table.rows.map { Row($0, account: account) } }
            total = cost.combined.total.description
            previousTotal = cost.combined.previousTotal.description
            exactTotal = cost.combined.exactTotal.exactDescription
            accounts = cost.perAccount.map { AccountTotal(account: $0.account, total: $0.table.total.description, previousTotal: $0.table.previousTotal.description) }
        }
    }

    struct Request: Encodable {
        let profile: String
        let account: String
        let start: String
        let end: String
        let pages: Int
    }

    struct Row: Encodable {
        let account: String
        let kind: String?
        let label: String
        let type: String
        let services: [String]
        let amount: String
        let previous: String
        let amortized: String
        let netUnblended: String

        init(_ row: CostRow, account: String) {
            self.account = account
            label = row.label
            services = row.services
            amount = row.amount.description
            previous = row.previous.description
            amortized = row.amortized.description
            netUnblended = row.netUnblended.description
            switch row.kind {
            case .service(let id):
                kind = id
                type = "service"
            case .other:
                kind = nil
                type = "other"
            case .adjustment(let recordType):
                kind = nil
                type = recordType.lowercased()
            }
        }
    }

    struct AccountTotal: Encodable {
        let account: String
        let total: String
        let previousTotal: String
    }

    struct Rate: Encodable {
        let currency: String
        let rate: String
    }
}
