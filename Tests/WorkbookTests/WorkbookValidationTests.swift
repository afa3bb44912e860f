import Testing
import Workbook

/// Everything Excel would repair or refuse is refused before writing, with a typed error.
@Suite struct WorkbookValidationTests {
    private func write(_ sheets: Sheet...) throws(WorkbookError) -> [UInt8] {
        try Workbook(sheets: sheets, properties: .sample).xlsx()
    }

    @Test func aWorkbookNeedsASheet() {
        #expect(throws: WorkbookError.noSheets) { try Workbook(sheets: [], properties: .sample).xlsx() }
    }

    @Test func rowLimit() throws {
        var sheet = try Sheet(name: "Rows", rows: Array(repeating: [], count: SpreadsheetLimits.rows - 1) + [[.text("last")]])
        let reader = try PackageReader(try write(sheet))
        #expect(try reader.string("A1048576") == "last")
        #expect(try reader.worksheet(1).child("dimension")?.attributes["ref"] == "A1048576")
        sheet.rows.append([])
        #expect(throws: WorkbookError.tooManyRows(sheet: "Rows", count: 1_048_577)) { try write(sheet) }
    }

    @Test func columnLimit() throws {
        var sheet = try Sheet(name: "Columns", rows: [Array(repeating: .integer(1), count: SpreadsheetLimits.columns)])
        #expect(try PackageReader(try write(sheet)).cell("XFD1")?.child("v")?.text == "1")
        sheet.rows = [[], Array(repeating: .integer(1), count: SpreadsheetLimits.columns + 1)]
        #expect(throws: WorkbookError.tooManyColumns(sheet: "Columns", row: 2, count: 16_385)) { try write(sheet) }
    }

    @Test func widthsAndHeights() throws {
        for width in [-1, 255.5, .nan, .infinity] {
            let sheet = try Sheet(name: "W", columnWidths: [2: width])
            #expect(throws: WorkbookError.self) { try write(sheet) }
        }
        #expect(throws: WorkbookError.columnOutOfRange(0)) { try write(try Sheet(name: "W", columnWidths: [0: 10])) }
        #expect(throws: WorkbookError.columnOutOfRange(16_385)) { try write(try Sheet(name: "W", columnWidths: [16_385: 10])) }
        #expect(throws: WorkbookError.invalidRowHeight(sheet: "H", row: 3, height: 410)) {
            try write(try Sheet(name: "H", rowHeights: [3: 410]))
        }
        #expect(throws: WorkbookError.rowOutOfRange(0)) { try write(try Sheet(name: "H", rowHeights: [0: 10])) }
        _ = try write(try Sheet(name: "Edges", columnWidths: [1: 0, 16_384: 255], rowHeights: [1: 0, 1_048_576: 409]))
    }

    @Test func mergesMayNotOverlapOrCoverOneCell() throws {
        let overlapping = try Sheet(name: "M", mergedRanges: [try CellRange("A1:B2"), try CellRange("C5:D6"), try CellRange("B2:C3")])
        #expect(throws: WorkbookError.invalidMerge(sheet: "M", try CellRange("B2:C3"))) { try write(overlapping) }
        let single = try Sheet(name: "M", mergedRanges: [try CellRange("A1:A1")])
        #expect(throws: WorkbookError.invalidMerge(sheet: "M", try CellRange("A1"))) { try write(single) }
        // A tall merge overlaps one that starts rows below its top.
        let tall = try Sheet(name: "M", mergedRanges: [try CellRange("A1:A10"), try CellRange("B1:C2"), try CellRange("A9:B9")])
        #expect(throws: WorkbookError.invalidMerge(sheet: "M", try CellRange("A9:B9"))) { try write(tall) }
        _ = try write(try Sheet(name: "M", mergedRanges: [try CellRange("A1:B1"), try CellRange("C1:D1"), try CellRange("A2:D2")]))
    }

    @Test func hyperlinksPointSomewhereSafe() throws {
        let a1 = try CellReference("A1")
        let summary = try Sheet(name: "Summary")
        func problem(_ link: Hyperlink) throws -> WorkbookError? {
            do {
                _ = try write(summary, try Sheet(name: "Links", hyperlinks: [link]))
                return nil
            } catch {
                return error
            }
        }
        func invalid(_ problem: HyperlinkProblem) -> WorkbookError { .invalidHyperlink(sheet: "Links", cell: a1, problem) }
        #expect(try problem(Hyperlink(cell: a1, target: .cell(sheet: "summary", a1))) == invalid(.unknownSheet("summary")))
        #expect(
            try problem(Hyperlink(cell: a1, target: .url("javascript:alert(1)"))) == invalid(.unsupportedAddress("javascript:alert(1)")))
        #expect(try problem(Hyperlink(cell: a1, target: .url("file:///etc/passwd"))) == invalid(.unsupportedAddress("file:///etc/passwd")))
        #expect(
            try problem(Hyperlink(cell: a1, target: .url(" https://example.com"))) == invalid(.unsupportedAddress(" https://example.com")))
        let long = "https://example.com/" + String(repeating: "a", count: 2_060)
        #expect(try problem(Hyperlink(cell: a1, target: .url(long))) == invalid(.addressTooLong(2_080)))
        // The length counted is the encoded one: 229 Hangul syllables are 2,061 characters as `%EA%B0%80…`.
        let korean = "https://example.com/" + String(repeating: "가", count: 229)
        #expect(try problem(Hyperlink(cell: a1, target: .url(korean))) == invalid(.addressTooLong(20 + 229 * 9)))
        let tooltip = String(repeating: "t", count: 256)
        #expect(try problem(Hyperlink(cell: a1, target: .url("https://example.com"), tooltip: tooltip)) == invalid(.tooltipTooLong(256)))
        let twice = try Sheet(
            name: "Links",
            hyperlinks: [
                Hyperlink(cell: a1, target: .url("https://example.com")), Hyperlink(cell: a1, target: .cell(sheet: "Summary", a1)),
            ])
        #expect(throws: invalid(.duplicate)) { try write(summary, twice) }
        #expect(try problem(Hyperlink(cell: a1, target: .url("HTTPS://EXAMPLE.COM/x"))) == nil)
        #expect(try problem(Hyperlink(cell: a1, target: .url("http://example.com/x"))) == nil)
    }
}
