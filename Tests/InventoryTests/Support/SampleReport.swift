import CivilTime
@testable import Inventory

/// A report as a run would make it, with hostile names where users type them.
enum SampleReport {
    static let month = ReportMonth(year: 2026, month: 12)!
    static let hostile = "<img src=x onerror=alert(1)>=HYPERLINK(\"http://evil\")"

    static func make(accounts: Int = 2, rate: Bool = true, estimated: Bool = true) -> InventoryReport {
        let ids = ["123456789012", "111111111111"].prefix(accounts)
        let ec2 = Catalogue.kinds.first { $0.id == "ec2-instances" }!
        let sqs = Catalogue.kinds.first { $0.id == "sqs-queues" }!
        let ec2Rows = ids.flatMap { account in
            (1...3).map { index in
                ResourceRow(
                    account: account, region: "ap-northeast-2",
                    cells: ec2.columns.indices.map { column in column == 0 ? .text(index == 1 ? hostile : "web-\(index)") : .text("v\(column)") })
            }
        }
        let sqsRows = [ResourceRow(account: ids[0], region: "us-east-1", cells: sqs.columns.map { _ in .number("7") })]
        let lines = ids.flatMap { account in
            [
                CostLine(account: account, month: month, service: "Amazon Elastic Compute Cloud - Compute", recordType: "Usage",
                         amounts: ["UnblendedCost": Money(parsing: "12000.004")!], estimated: estimated),
                CostLine(account: account, month: month.previous, service: "Amazon Elastic Compute Cloud - Compute", recordType: "Usage",
                         amounts: ["UnblendedCost": Money(parsing: "11000")!]),
                CostLine(account: account, month: month, service: hostile, recordType: "Usage", amounts: ["UnblendedCost": Money(parsing: "5.5")!]),
                CostLine(account: account, month: month, service: "Tax", recordType: "Tax", amounts: ["UnblendedCost": Money(parsing: "1200.4")!]),
                CostLine(account: account, month: month, service: "AWS Lambda", recordType: "Credit", amounts: ["UnblendedCost": Money(parsing: "-50")!]),
            ]
        }
        let coverage = ids.flatMap { account in
            [
                CoverageEntry(profile: "p-\(account)", account: account, region: "ap-northeast-2", kind: "ec2-instances", state: .ok(rows: 3), calls: 1),
                CoverageEntry(profile: "p-\(account)", account: account, region: "ap-northeast-2", kind: "sqs-queues", state: .denied, calls: 1,
                              detail: hostile),
            ]
        }
        return InventoryReport(
            label: "dev", month: month, generated: Instant(epochSeconds: 1_796_000_000),
            accounts: ids.map { InventoryReport.Account(profile: "p-\($0)", accountID: $0) }, regions: ["ap-northeast-2", "us-east-1"],
            kinds: [InventoryCollector.KindRows(kind: ec2, rows: ec2Rows), InventoryCollector.KindRows(kind: sqs, rows: sqsRows)],
            coverage: coverage,
            cost: CostReport(lines: lines, month: month, kinds: Catalogue.kinds, accounts: Array(ids), requests: []),
            exchangeRate: rate ? ExchangeRate(parsing: "KRW=1385.20") : nil)
    }
}
