import Foundation
import Testing
@testable import Inventory

/// The page: self-contained, everything from AWS escaped, the chart and the month-over-month there.
@Suite struct InventoryHTMLTests {
    @Test func hostileNamesAreEscapedEverywhere() {
        let page = InventoryHTML.render(SampleReport.make())
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("Content-Security-Policy"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://evil\">"), "no attribute is ever opened by a value")
    }

    @Test func costChartTotalsAndEstimate() {
        let page = InventoryHTML.render(SampleReport.make())
        #expect(page.contains("<svg class=\"chart\""))
        #expect(page.contains("still estimated"))
        // Per account: 12000.00 + 5.50 + 1200.40 - 50.00; two accounts.
        #expect(page.contains("26311.80 USD"))
        #expect(page.contains("change +4311.80"))
        #expect(page.contains("36,447,105 KRW at 1385.20"), "26311.80 × 1385.20, to the won")
        #expect(page.contains("href=\"#coverage\""))
    }

    @Test func aKindWithManyRowsSaysWhereTheRestAre() {
        let report = SampleReport.make()
        let many = InventoryCollector.KindRows(kind: report.kinds[0].kind, rows: Array(repeating: report.kinds[0].rows[1], count: 600))
        let big = InventoryReport(
            label: report.label, month: report.month, generated: report.generated, accounts: report.accounts, regions: report.regions,
            kinds: [many], coverage: report.coverage, cost: nil, exchangeRate: nil)
        let page = InventoryHTML.render(big)
        #expect(page.contains("100 more rows are in the workbook"))
        #expect(page.components(separatedBy: "<td>web-2</td>").count - 1 == InventoryHTML.rowsPerKind)
    }
}
