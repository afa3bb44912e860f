import Foundation
import AWSCore
import Testing
@testable import Inventory

/// Cost rows: services on their kind's row, unmapped services under Other, tax, credits and refunds apart,
/// the total the sum of the rows to the cent.
@Suite struct CostTableTests {
    static let august = ReportMonth(year: 2026, month: 8)!

    static func line(_ service: String, _ recordType: String, _ amount: String, month: ReportMonth = august, estimated: Bool = false) -> CostLine {
        CostLine(
            account: "123456789012", month: month, service: service, recordType: recordType,
            amounts: ["UnblendedCost": Money(parsing: amount)!, "AmortizedCost": Money(parsing: amount)!], estimated: estimated)
    }

    @Test func rowsByKindOtherAndRecordType() throws {
        let lines = [
            Self.line("Amazon Elastic Compute Cloud - Compute", "Usage", "3490.123456"),
            Self.line("Amazon Elastic Compute Cloud - Compute", "DiscountedUsage", "10.004"),
            Self.line("EC2 - Other", "Usage", "634.333333"),
            Self.line("Amazon Registrar", "Usage", "12.00"),
            Self.line("Tax", "Tax", "412.675"),
            Self.line("Amazon Elastic Compute Cloud - Compute", "Credit", "-100.00"),
            Self.line("AWS Support (Business)", "Refund", "-3.333333"),
            Self.line("Amazon Elastic Compute Cloud - Compute", "Usage", "3000", month: Self.august.previous),
            Self.line("Amazon Relational Database Service", "Usage", "99.999", month: ReportMonth(year: 2026, month: 6)!),
        ]
        let table = CostTable(lines: lines, month: Self.august, kinds: Catalogue.kinds)
        #expect(table.rows.map(\.label) == ["EC2 Instances", "EBS Volumes", "Amazon Registrar", "Tax", "Credits", "Refunds"])
        let ec2 = try #require(table.row(ofKind: "ec2-instances"))
        #expect(ec2.amount.description == "3500.13")
        #expect(ec2.previous.description == "3000.00")
        #expect(ec2.change.description == "500.13")
        #expect(table.rows.first { $0.label == "Tax" }?.amount.description == "412.68", "tax on its own row, never over a service")
        #expect(table.rows.map(\.amount.description) == ["3500.13", "634.33", "12.00", "412.68", "-100.00", "-3.33"])
        #expect(table.total.description == "4455.81")
        #expect(table.total == table.rows.reduce(.zero) { $0 + $1.amount }, "the total is the sum of the rows as shown")
        #expect(table.exactTotal.exactDescription == "4455.802456")
        #expect(table.row(ofKind: "rds-instances") == nil, "a month outside the two is not read")
        #expect(!table.estimated)
    }

    @Test func anEstimatedMonthIsMarked() {
        let table = CostTable(lines: [Self.line("AWS Lambda", "Usage", "1", estimated: true)], month: Self.august, kinds: Catalogue.kinds)
        #expect(table.estimated)
    }

    /// Each Cost Explorer service belongs to one kind: a service on two rows would be counted twice.
    @Test func noServiceIsOwnedTwice() {
        let names = Catalogue.kinds.flatMap(\.costServices)
        #expect(Set(names).count == names.count)
    }

    static let page = """
        {"ResultsByTime":[{"TimePeriod":{"Start":"2026-07-01","End":"2026-08-01"},"Estimated":false,"Groups":[
        {"Keys":["AWS Lambda","Usage"],"Metrics":{"UnblendedCost":{"Amount":"1.0000001","Unit":"USD"},"AmortizedCost":{"Amount":"1","Unit":"USD"}}}]},
        {"TimePeriod":{"Start":"2026-08-01","End":"2026-09-01"},"Estimated":true,"Groups":[
        {"Keys":["<script>alert(1)</script>","Usage"],"Metrics":{"UnblendedCost":{"Amount":"2.5","Unit":"USD"}}}]}],
        "NextPageToken":"p2"}
        """

    @Test func linesOfAPage() throws {
        let lines = try CostLine.lines(of: try AWSValue(json: Array(Self.page.utf8)), account: "123456789012")
        #expect(lines.count == 2)
        #expect(lines[0].month.description == "2026-07" && lines[0].unblended.exactDescription == "1.0000001")
        #expect(lines[1].estimated && lines[1].service == "<script>alert(1)</script>", "names are data, escaped by each output")
    }

    @Test func aMalformedAmountIsAnErrorNotAZero() throws {
        let bad = Self.page.replacingOccurrences(of: "\"2.5\"", with: "\"2,5\"")
        #expect(throws: CostAnswerError.malformedAmount(service: "<script>alert(1)</script>", text: "2,5")) {
            try CostLine.lines(of: try AWSValue(json: Array(bad.utf8)), account: "1")
        }
        let badPeriod = Self.page.replacingOccurrences(of: "2026-08-01\",\"End", with: "2026-08-15\",\"End")
        #expect(throws: CostAnswerError.self) { try CostLine.lines(of: try AWSValue(json: Array(badPeriod.utf8)), account: "1") }
    }

    /// The request: both months, End exclusive, three metrics, service and record type, this account only.
    @Test func theRequest() throws {
        let query = CostQuery(accountID: "111111111111", month: ReportMonth(year: 2026, month: 12)!)
        let body = try #require(query.input(nextPageToken: "p2").body)
        #expect(body["TimePeriod"]?["End"]?.text == "2027-01-01")
        #expect(body["Granularity"]?.text == "MONTHLY")
        #expect(body.values(at: "Metrics[]").compactMap(\.text) == ["UnblendedCost", "AmortizedCost", "NetUnblendedCost"])
        #expect(body.values(at: "GroupBy[].Key").compactMap(\.text) == ["SERVICE", "RECORD_TYPE"])
        #expect(body.values(at: "Filter.Dimensions.Values[]").compactMap(\.text) == ["111111111111"])
        #expect(body["NextPageToken"]?.text == "p2")
    }
}
