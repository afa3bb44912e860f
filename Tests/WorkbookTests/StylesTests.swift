import Testing
import Workbook
import XMLTree

/// The styles part is built from the distinct looks the cells use, in order of first use.
@Suite struct StylesTests {
    static let header = CellStyle(
        bold: true, fontColour: .white, fillColour: try! Colour(hex: "1E4E79"), horizontalAlignment: .center, thinBorder: true)
    static let money = CellStyle(numberFormat: .thousandsTwoDecimals)
    static let red = CellStyle(fillColour: try! Colour(hex: "FFC7CE"), numberFormat: .thousandsTwoDecimals)

    private func reader(_ rows: [[Cell]]) throws -> PackageReader {
        try PackageReader(Workbook(sheets: [try Sheet(name: "Styles", rows: rows)], properties: .sample))
    }

    @Test func distinctLooksAreNumberedInOrderOfFirstUse() throws {
        let reader = try reader([
            [.text("plain"), .text("Header", style: Self.header), .decimal(try DecimalNumber("1.5"), style: Self.money)],
            [.text("plain"), .text("Header", style: Self.header), .decimal(try DecimalNumber("1500"), style: Self.red)],
        ])
        let styles = try reader.part("xl/styles.xml")
        #expect(styles.child("cellXfs")?.attributes["count"] == "4")
        #expect(try reader.cell("A1")?.attributes["s"] == nil)
        #expect(try reader.cell("B1")?.attributes["s"] == "1")
        #expect(try reader.cell("B2")?.attributes["s"] == "1")
        #expect(try reader.cell("C1")?.attributes["s"] == "2")
        #expect(try reader.cell("C2")?.attributes["s"] == "3")
    }

    @Test func fontsFillsBordersAndAlignment() throws {
        let styles = try reader([
            [
                .text("Header", style: Self.header),
                .text("wrapped", style: CellStyle(underline: true, verticalAlignment: .top, wrapText: true)),
            ]
        ])
        .part("xl/styles.xml")
        let fonts = styles.child("fonts")?.children(named: "font") ?? []
        #expect(fonts.count == 3)
        // CT_Font is a sequence: b, u, sz, color, name, family, scheme.
        #expect(fonts[1].children.map(\.name) == ["b", "sz", "color", "name", "family", "scheme"])
        #expect(fonts[1].child("color")?.attributes["rgb"] == "FFFFFFFF")
        #expect(fonts[2].children.map(\.name) == ["u", "sz", "name", "family", "scheme"])
        let fills = styles.child("fills")?.children(named: "fill").compactMap { $0.child("patternFill") } ?? []
        #expect(fills.map { $0.attributes["patternType"] } == ["none", "gray125", "solid"])
        #expect(fills[2].child("fgColor")?.attributes["rgb"] == "FF1E4E79")
        let borders = styles.child("borders")?.children(named: "border") ?? []
        #expect(borders.count == 2)
        #expect(borders[1].children.map(\.name) == ["left", "right", "top", "bottom", "diagonal"])
        #expect(borders[1].child("left")?.attributes["style"] == "thin")
        let formats = styles.child("cellXfs")?.children(named: "xf") ?? []
        #expect(formats[1].attributes["fontId"] == "1")
        #expect(formats[1].attributes["fillId"] == "2")
        #expect(formats[1].attributes["borderId"] == "1")
        #expect(formats[1].child("alignment")?.attributes == ["horizontal": "center"])
        #expect(formats[2].child("alignment")?.attributes == ["vertical": "top", "wrapText": "1"])
        #expect(formats[2].attributes["fillId"] == "0")
    }

    @Test func builtInAndCustomNumberFormats() throws {
        let won = try NumberFormat("\"₩\"#,##0")
        let reader = try reader([
            [
                .decimal(DecimalNumber(1), style: Self.money), .decimal(DecimalNumber(1), style: CellStyle(numberFormat: won)),
                .dateTime(try CivilDateTime(year: 2024, month: 5, day: 1)),
                .dateTime(try CivilDateTime(year: 2024, month: 5, day: 1), style: CellStyle(numberFormat: .date)),
                .decimal(DecimalNumber(1), style: CellStyle(numberFormat: .percent)),
            ]
        ])
        let styles = try reader.part("xl/styles.xml")
        let custom = styles.child("numFmts")?.children(named: "numFmt") ?? []
        #expect(custom.map { $0.attributes["numFmtId"] } == ["164", "165", "166"])
        #expect(custom.map { $0.attributes["formatCode"] } == ["\"₩\"#,##0", "yyyy-mm-dd hh:mm", "yyyy-mm-dd"])
        let formats = styles.child("cellXfs")?.children(named: "xf").map { $0.attributes["numFmtId"] } ?? []
        #expect(formats == ["0", "4", "164", "165", "166", "9"])
        #expect(try reader.cell("C1")?.attributes["s"] == "3")
    }

    @Test func anEmptyCellIsWrittenOnlyWhenItsLookShows() throws {
        let reader = try reader([[.empty, Cell(style: Self.red), Cell(style: .plain)]])
        let cells = try reader.worksheet(1).child("sheetData")?.child("row")?.children(named: "c") ?? []
        #expect(cells.map { $0.attributes } == [["r": "B1", "s": "1"]])
    }
}
