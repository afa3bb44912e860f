import CivilTime
import Testing
@testable import Inventory

/// A month's period ends on the first day of the next month, across the year too.
@Suite struct ReportMonthTests {
    @Test func decemberEndsOnTheFirstOfJanuary() throws {
        let december = try #require(ReportMonth(parsing: "2026-12"))
        #expect(december.endDay.description == "2027-01-01")
        #expect(december.next.description == "2027-01")
        #expect(CostQuery(accountID: "1", month: december).start == "2026-11-01")
        #expect(CostQuery(accountID: "1", month: december).end == "2027-01-01")
    }

    @Test func januaryStartsTheRequestInDecember() throws {
        let january = try #require(ReportMonth(parsing: "2027-01"))
        #expect(CostQuery(accountID: "1", month: january).start == "2026-12-01")
        #expect(CostQuery(accountID: "1", month: january).end == "2027-02-01")
    }

    @Test func theLastFullMonthBeforeNow() throws {
        #expect(ReportMonth.lastFull(before: try Instant(iso8601: "2027-01-01T00:00:00Z")).description == "2026-12")
        #expect(ReportMonth.lastFull(before: try Instant(iso8601: "2026-12-31T23:59:59Z")).description == "2026-11")
        #expect(ReportMonth.lastFull(before: try Instant(iso8601: "2024-03-01T00:00:00Z")).description == "2024-02")
    }

    @Test(arguments: ["2026-13", "2026-00", "26-08", "2026-8", "2026/08", "2026-08-01", "", "abcd-ef", "9999-12"])
    func refusesWhatIsNotAMonth(text: String) {
        #expect(ReportMonth(parsing: text) == nil)
    }

    @Test func instantsOfTheMonth() throws {
        let august = try #require(ReportMonth(parsing: "2026-08"))
        #expect(august.start.iso8601() == "2026-08-01T00:00:00Z")
        #expect(august.end.iso8601() == "2026-09-01T00:00:00Z")
    }
}
