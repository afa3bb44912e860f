import Testing
import Workbook

@testable import Fleet

@Suite struct FleetReportTests {
    static let hostile = "<img src=x onerror=alert(1)>"
    static let formula = "=HYPERLINK(\"http://evil\",\"x\")"

    func report() throws -> FleetReport {
        let policy = try FleetFixtures.corporatePolicy()
        let resources = [
            FleetFixtures.instance("i-1", [("cz-owner", "ops"), ("Name", Self.hostile)]),
            FleetFixtures.instance("i-2", [("cz-owner", Self.formula), ("Name", "a\u{1B}[31mred")]),
            FleetFixtures.instance("vol-1", [], type: "volume"),
        ]
        let findings = resources.flatMap(TagAuditor(policy: policy).findings)
        return TagAuditReport.build(policy: policy, resources: resources, findings: findings, problems: [
            ReadProblem(account: "123456789012", region: "us-east-1", listing: "rds:db", reason: "denied (AccessDenied)")
        ])
    }

    @Test func theSummaryCountsByRuleAndOwnerAndNamesWhatWasNotListed() throws {
        let summary = try report().summary
        #expect(summary[0] == "3 resources in scope (2 instance, 1 volume): 3 not compliant, 14 findings")
        #expect(summary[1] == "by rule: missing-required 13, invalid-value 1")
        #expect(summary[2].hasPrefix("by cz-owner: (none) 5, "))
        #expect(summary.last == "not listed: 123456789012 us-east-1 rds:db: denied (AccessDenied)")
    }

    @Test func findingsAreGroupedByOwnerWithNoOwnerLast() throws {
        let table = try report().tables[0]
        #expect(table.groups.map(\.name) == [Self.formula, "ops", "(none)"])
    }

    @Test func hostileValuesAreEscapedInHTMLCleanedInTextAndQuotedInCSV() throws {
        let report = try report()
        let page = report.html()
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!report.text().contains("\u{1B}"))
        let csv = try #require(try report.csvFiles(created: CivilDateTime(year: 2026, month: 12, day: 5)).first)
        #expect(csv.name == "Findings.csv")
        let text = String(decoding: csv.bytes, as: UTF8.self)
        #expect(!text.contains(",=HYPERLINK"))
        #expect(text.contains("'=HYPERLINK"))
    }

    @Test func theWorkbookHasTheHouseStyle() throws {
        let book = try report().workbook(created: CivilDateTime(year: 2026, month: 12, day: 5))
        #expect(book.sheets.map(\.name) == ["Summary", "Findings"])
        let sheet = book.sheets[1]
        #expect(sheet.frozenPane?.rows == 2)
        #expect(sheet.autoFilter?.a1 == "A2:J16")
        #expect(sheet.rows[1][0].style.fillColour == Colour(red: 0x1E, green: 0x4E, blue: 0x79))
        #expect(!(try book.xlsx()).isEmpty)
    }
}
