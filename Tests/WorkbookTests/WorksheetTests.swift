import Testing
import Workbook
import XMLTree

/// Each value type as the file stores it, and the layout around the cells.
@Suite struct WorksheetTests {
    private func reader(_ sheets: [Sheet]) throws -> PackageReader {
        try PackageReader(Workbook(sheets: sheets, properties: .sample))
    }

    @Test func valuesAsTheFileStoresThem() throws {
        let reader = try reader([
            try Sheet(
                name: "Values",
                rows: [
                    [
                        .integer(-42), .decimal(try DecimalNumber("1234.56")), .decimal(try DecimalNumber("-0.000001")),
                        .decimal(try DecimalNumber("1.5E-7")), .boolean(true), .boolean(false),
                        .dateTime(try CivilDateTime(year: 2024, month: 5, day: 1, hour: 9, minute: 30)),
                        .formula(try Formula("=B1*2", cachedValue: .number(try DecimalNumber("2469.12")))),
                        .formula(try Formula("=A1>0", cachedValue: .boolean(false))), .formula(try Formula("=SUM(A1:B1)")),
                    ]
                ])
        ])
        let cells = try reader.worksheet(1).child("sheetData")?.child("row")?.children(named: "c") ?? []
        #expect(
            cells.map { $0.child("v")?.text } == [
                "-42", "1234.56", "-0.000001", "1.5E-7", "1", "0", "45413.3958333333", "2469.12", "0", nil,
            ])
        #expect(cells.map { $0.attributes["t"] } == [nil, nil, nil, nil, "b", "b", nil, nil, "b", nil])
        #expect(cells.map { $0.child("f")?.text } == [nil, nil, nil, nil, nil, nil, nil, "B1*2", "A1>0", "SUM(A1:B1)"])
        #expect(try reader.part("xl/workbook.xml").child("calcPr")?.attributes["fullCalcOnLoad"] == "1")
    }

    @Test func rowsWithNothingToShowAreLeftOutAndHeightsKept() throws {
        let reader = try reader([
            try Sheet(name: "Rows", rows: [[], [.empty, .text("b2")], [], [.integer(4)]], rowHeights: [2: 30, 3: 12.5, 9: 40])
        ])
        let rows = try reader.worksheet(1).child("sheetData")?.children(named: "row") ?? []
        #expect(rows.map { $0.attributes["r"] } == ["2", "3", "4", "9"])
        #expect(rows.map { $0.attributes["ht"] } == ["30.0", "12.5", nil, "40.0"])
        #expect(rows.map { $0.attributes["customHeight"] } == ["1", "1", nil, "1"])
        #expect(rows[1].children.isEmpty)
        #expect(try reader.worksheet(1).child("dimension")?.attributes["ref"] == "A2:B4")
    }

    @Test func dimensionOfABlankSheet() throws {
        #expect(try reader([try Sheet(name: "Blank")]).worksheet(1).child("dimension")?.attributes["ref"] == "A1")
    }

    @Test(arguments: [(3, 0, "A4", "bottomLeft"), (0, 2, "C1", "topRight"), (3, 1, "B4", "bottomRight")])
    func frozenPanes(_ rows: Int, _ columns: Int, _ topLeft: String, _ active: String) throws {
        let view = try reader([try Sheet(name: "Frozen", frozenPane: try FrozenPane(rows: rows, columns: columns))])
            .worksheet(1).path("sheetViews", "sheetView")
        let pane = try #require(view?.child("pane"))
        #expect(pane.attributes["ySplit"] == (rows > 0 ? String(rows) : nil))
        #expect(pane.attributes["xSplit"] == (columns > 0 ? String(columns) : nil))
        #expect(pane.attributes["topLeftCell"] == topLeft)
        #expect(pane.attributes["activePane"] == active)
        #expect(pane.attributes["state"] == "frozen")
        #expect(view?.child("selection")?.attributes["pane"] == active)
    }

    @Test func aPaneFreezingNothingIsLeftOut() throws {
        let view = try reader([try Sheet(name: "Unfrozen", frozenPane: try FrozenPane())]).worksheet(1).path("sheetViews", "sheetView")
        #expect(view?.children.isEmpty == true)
    }

    @Test func onlyTheFirstSheetIsSelected() throws {
        let reader = try reader([try Sheet(name: "One"), try Sheet(name: "Two")])
        #expect(try reader.worksheet(1).path("sheetViews", "sheetView")?.attributes["tabSelected"] == "1")
        #expect(try reader.worksheet(2).path("sheetViews", "sheetView")?.attributes["tabSelected"] == nil)
    }

    @Test func layoutElementsInTheSchemasOrder() throws {
        let sheet = try Sheet(
            name: "Layout", rows: [[.text("a"), .text("b")], [.integer(1), .integer(2)]], columnWidths: [3: 8.43, 1: 20],
            frozenPane: try FrozenPane(rows: 1), autoFilter: try CellRange("A1:B2"),
            mergedRanges: [try CellRange("C1:D1"), try CellRange("A3:B4")],
            hyperlinks: [
                Hyperlink(cell: try CellReference("A1"), target: .url("https://example.com/a")),
                Hyperlink(cell: try CellReference("B1"), target: .cell(sheet: "Layout", try CellReference("B2")), tooltip: "down"),
                Hyperlink(cell: try CellReference("A2"), target: .url("https://example.com/b")),
            ])
        let reader = try reader([sheet])
        let worksheet = try reader.worksheet(1)
        #expect(
            worksheet.children.map(\.name) == ["dimension", "sheetViews", "cols", "sheetData", "autoFilter", "mergeCells", "hyperlinks"])
        let columns = worksheet.child("cols")?.children(named: "col").map { $0.attributes } ?? []
        #expect(
            columns == [
                ["min": "1", "max": "1", "width": "20.0", "customWidth": "1"],
                ["min": "3", "max": "3", "width": "8.43", "customWidth": "1"],
            ])
        #expect(worksheet.child("autoFilter")?.attributes["ref"] == "A1:B2")
        #expect(worksheet.child("mergeCells")?.attributes["count"] == "2")
        #expect(worksheet.child("mergeCells")?.children(named: "mergeCell").map { $0.attributes["ref"] } == ["C1:D1", "A3:B4"])
        let links = worksheet.child("hyperlinks")?.children(named: "hyperlink").map { $0.attributes } ?? []
        #expect(
            links == [
                ["ref": "A1", "id": "rId1"], ["ref": "B1", "location": "'Layout'!B2", "tooltip": "down"], ["ref": "A2", "id": "rId2"],
            ])
        let relationships = try reader.part("xl/worksheets/_rels/sheet1.xml.rels").children(named: "Relationship").map { $0.attributes }
        let hyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
        #expect(
            relationships == [
                ["Id": "rId1", "Type": hyperlinkType, "Target": "https://example.com/a", "TargetMode": "External"],
                ["Id": "rId2", "Type": hyperlinkType, "Target": "https://example.com/b", "TargetMode": "External"],
            ])
        let name = try reader.part("xl/workbook.xml").path("definedNames", "definedName")
        #expect(name?.attributes == ["name": "_xlnm._FilterDatabase", "localSheetId": "0", "hidden": "1"])
        #expect(name?.text == "'Layout'!$A$1:$B$2")
    }

    @Test func aSheetWithoutWebLinksHasNoRelationshipsPart() throws {
        let reader = try reader([
            try Sheet(
                name: "A", hyperlinks: [Hyperlink(cell: try CellReference("A1"), target: .cell(sheet: "B", try CellReference("A1")))]),
            try Sheet(name: "B"),
        ])
        #expect(reader.zip.entries.filter { $0.name.hasPrefix("xl/worksheets/_rels/") }.isEmpty)
    }
}
