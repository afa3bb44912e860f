import Testing
import Workbook

/// The same workbook gives the same bytes: no clock, no random ids, no hash-order iteration.
@Suite struct DeterminismTests {
    @Test func twoWritesAreByteIdentical() throws {
        let first = try SampleWorkbook.make().xlsx()
        let second = try SampleWorkbook.make().xlsx()
        #expect(first == second)
        let workbook = try SampleWorkbook.make()
        #expect(try workbook.xlsx() == workbook.xlsx())
    }

    /// Dictionaries (widths, heights) iterate in a different order from one process to the next; the
    /// writer sorts them. Many keys make an unsorted iteration show even within one process.
    @Test func widthsAndHeightsAreWrittenInOrder() throws {
        let widths = Dictionary(uniqueKeysWithValues: (1...300).map { ($0, Double($0 % 50)) })
        let heights = Dictionary(uniqueKeysWithValues: (1...300).map { ($0 * 3, Double($0 % 40)) })
        let sheet = try Sheet(name: "Order", columnWidths: widths, rowHeights: heights)
        let reader = try PackageReader(Workbook(sheets: [sheet], properties: .sample))
        let worksheet = try reader.worksheet(1)
        #expect(worksheet.child("cols")?.children.compactMap { Int($0.attributes["min"] ?? "") } == Array(1...300))
        #expect(worksheet.child("sheetData")?.children.compactMap { Int($0.attributes["r"] ?? "") } == (1...300).map { $0 * 3 })
    }

    @Test func everyEntryCarriesTheCreationTime() throws {
        let reader = try PackageReader(try SampleWorkbook.make().xlsx())
        // 2024-06-01 09:00:00 in MS-DOS format.
        let date = UInt16((2024 - 1980) << 9 | 6 << 5 | 1)
        let time = UInt16(9 << 11)
        #expect(reader.zip.entries.allSatisfy { $0.date == date && $0.time == time })
        #expect(try reader.part("docProps/core.xml").child("created")?.text == "2024-06-01T09:00:00Z")
    }

    @Test func creationTimesOutsideTheZIPRangeAreClamped() throws {
        for (year, date, time) in [
            (1970, UInt16(0 << 9 | 1 << 5 | 1), UInt16(0)), (2150, UInt16(127 << 9 | 12 << 5 | 31), UInt16(23 << 11 | 59 << 5 | 29)),
        ] {
            let properties = DocumentProperties(created: try CivilDateTime(year: year, month: 7, day: 15, hour: 12))
            let reader = try PackageReader(Workbook(sheets: [try Sheet(name: "S")], properties: properties))
            #expect(reader.zip.entries.allSatisfy { $0.date == date && $0.time == time })
        }
    }

    @Test func sharedStringsAreNumberedInOrderOfFirstUse() throws {
        let sheets = [
            try Sheet(name: "One", rows: [[.text("b"), .text("a")], [.text("b"), .text("c")]]),
            try Sheet(name: "Two", rows: [[.text("c"), .text("d")]]),
        ]
        let reader = try PackageReader(Workbook(sheets: sheets, properties: .sample))
        #expect(try reader.sharedStrings() == ["b", "a", "c", "d"])
        let table = try reader.part("xl/sharedStrings.xml")
        #expect(table.attributes["count"] == "6")
        #expect(table.attributes["uniqueCount"] == "4")
    }
}
