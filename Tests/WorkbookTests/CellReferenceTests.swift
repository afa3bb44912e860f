import Testing

@testable import Workbook

@Suite struct CellReferenceTests {
    @Test(arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"), (702, "ZZ"), (703, "AAA"), (16_384, "XFD")])
    func columnLetters(_ column: Int, _ letters: String) throws {
        #expect(CellReference.columnLetters(column) == letters)
        #expect(try CellReference(letters + "1").column == column)
    }

    @Test func everyColumnRoundTrips() throws {
        for column in 1...SpreadsheetLimits.columns {
            let reference = try CellReference(row: 7, column: column)
            #expect(try CellReference(reference.a1) == reference)
        }
    }

    @Test func readsA1CaseInsensitively() throws {
        let reference = try CellReference("b12")
        #expect((reference.row, reference.column) == (12, 2))
        #expect(reference.a1 == "B12")
        #expect(reference.absoluteA1 == "$B$12")
        #expect(try CellReference("XFD1048576") == CellReference(row: 1_048_576, column: 16_384))
    }

    @Test func outsideTheGridIsATypedError() {
        #expect(throws: WorkbookError.rowOutOfRange(0)) { try CellReference(row: 0, column: 1) }
        #expect(throws: WorkbookError.rowOutOfRange(1_048_577)) { try CellReference(row: 1_048_577, column: 1) }
        #expect(throws: WorkbookError.columnOutOfRange(0)) { try CellReference(row: 1, column: 0) }
        #expect(throws: WorkbookError.columnOutOfRange(16_385)) { try CellReference(row: 1, column: 16_385) }
        #expect(throws: WorkbookError.columnOutOfRange(16_385)) { try CellReference("XFE1") }
        #expect(throws: WorkbookError.rowOutOfRange(1_048_577)) { try CellReference("A1048577") }
    }

    @Test(arguments: ["", "12", "A", "A0", "A01", "$A$1", "AAAA1", "A-1", "A1 ", " A1", "A1:B2", "Ａ1", "A12345678"])
    func malformedReferencesAreRefused(_ text: String) {
        #expect(throws: WorkbookError.invalidCellReference(text)) { try CellReference(text) }
    }

    @Test func referencesOrderRowByRow() throws {
        #expect(try CellReference("Z1") < CellReference("A2"))
        #expect(try CellReference("A2") < CellReference("B2"))
    }

    @Test func rangesNormaliseTheirCorners() throws {
        let range = try CellRange("C5:A1")
        #expect(range.a1 == "A1:C5")
        #expect(range.absoluteA1 == "$A$1:$C$5")
        #expect((range.rowCount, range.columnCount) == (5, 3))
        #expect(try CellRange("B2").a1 == "B2")
        #expect(try CellRange(CellReference("D1"), CellReference("A4")) == CellRange("A1:D4"))
    }

    @Test func rangesContainAndOverlap() throws {
        let range = try CellRange("B2:D4")
        #expect(range.contains(try CellReference("D4")))
        #expect(!range.contains(try CellReference("E4")))
        #expect(range.overlaps(try CellRange("D4:F6")))
        #expect(!range.overlaps(try CellRange("E1:F9")))
        #expect(!range.overlaps(try CellRange("A5:Z5")))
    }

    @Test(arguments: ["A1:B2:C3", "A1:", ":B2", "A1-B2", "A1:XFE1", ""])
    func malformedRangesAreRefused(_ text: String) {
        #expect(throws: WorkbookError.invalidRange(text)) { try CellRange(text) }
    }
}
