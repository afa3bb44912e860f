import Testing
import Workbook
@testable import Inventory

/// The workbook's layout: summary links to every sheet, totals as formulas over rounded rows, the rate cell,
/// Account columns with several accounts, CSV that no spreadsheet runs as a formula.
@Suite struct InventoryWorkbookTests {
    @Test func sheetsInOrderWithLinksThatLand() throws {
        let book = try InventoryWorkbook.workbook(SampleReport.make())
        let names = book.sheets.map(\.name)
        #expect(names == ["Summary", "Cost", "EC2 Instances", "SQS Queues", "Coverage"])
        for sheet in book.sheets {
            for link in sheet.hyperlinks {
                if case .cell(let target, _) = link.target { #expect(names.contains(target), "\(sheet.name) links to \(target)") }
            }
        }
        let ec2 = book.sheets[2]
        #expect(ec2.rows[0].count == 2 && ec2.hyperlinks.first?.cell.a1 == "A1")
        #expect(ec2.rows[0][1].value == .text("EC2 instances (6)"))
        #expect(ec2.rows[1].prefix(3).map(\.value) == [.text("Account"), .text("Region"), .text("Name")])
        #expect(ec2.frozenPane?.rows == 2 && ec2.autoFilter?.a1.hasPrefix("A2:") == true)
    }

    @Test func summaryCostsRateFormulasAndTotal() throws {
        let summary = try InventoryWorkbook.workbook(SampleReport.make()).sheets[0]
        #expect(summary.rows[0][5].value == .decimal(try DecimalNumber("1385.20")))
        let ec2 = try #require(summary.rows.first { $0.count > 1 && $0[1].value == .text("EC2 instances") })
        #expect(ec2[3].value == .decimal(try DecimalNumber("24000.00")))
        #expect(ec2[3].style.fillColour == (try Colour(hex: "C00000")), "≥ 10,000 is red")
        guard case .formula(let converted) = ec2[6].value else { Issue.record("no KRW formula"); return }
        #expect(converted.expression.hasSuffix("*$F$1"))
        let total = try #require(summary.rows.first { $0.first?.value == .text("Total (estimated)") })
        guard case .formula(let sum) = total[3].value else { Issue.record("no total formula"); return }
        #expect(sum.expression.hasPrefix("SUM(D3:D"))
        #expect(sum.cachedValue == .number(try DecimalNumber("26311.80")))
        #expect(summary.rows.contains { $0.first?.value == .text("Other") })
        #expect(summary.rows.contains { $0.count > 1 && $0[1].value == .text("Credits") })
        #expect(summary.rows.contains { $0.first?.value == .text("111111111111") }, "per-account totals")
    }

    @Test func oneAccountHasNoAccountColumn() throws {
        let book = try InventoryWorkbook.workbook(SampleReport.make(accounts: 1, rate: false))
        #expect(book.sheets[2].rows[1].first?.value == .text("Region"))
        #expect(book.sheets[0].rows[1].count == 6, "no converted column without a rate")
    }

    /// CSV cells a spreadsheet would run as formulas get a leading quote; text in the xlsx is always text.
    @Test func csvDefusesFormulas() throws {
        let files = try InventoryWorkbook.csvFiles(SampleReport.make())
        #expect(files.map(\.name) == ["Summary.csv", "Cost.csv", "EC2 Instances.csv", "SQS Queues.csv", "Coverage.csv"])
        let ec2 = String(decoding: try #require(files.first { $0.name == "EC2 Instances.csv" }).bytes, as: UTF8.self)
        #expect(ec2.hasPrefix("\u{FEFF}"))
        #expect(!ec2.contains(",=HYPERLINK"))
        let coverage = String(decoding: try #require(files.first { $0.name == "Coverage.csv" }).bytes, as: UTF8.self)
        #expect(coverage.contains("denied"))
    }

    @Test func theSameReportWritesTheSameBytes() throws {
        #expect(try InventoryWorkbook.xlsx(SampleReport.make()) == (try InventoryWorkbook.xlsx(SampleReport.make())))
    }
}
