import XMLTree

/// The tables every sheet adds to as it is written: shared strings, looks, and what had to be cut.
struct WorkbookTables {
    var strings = SharedStringTable()
    var styles = StyleTable()
    var truncations: [Truncation] = []
}

/// `xl/worksheets/sheetN.xml`: one sheet's view, columns, cells and the layout that refers to them,
/// in the order `CT_Worksheet` requires; and the relationships of its links to web addresses.
/// The sheet has passed `WorkbookValidation`.
struct WorksheetPart {
    let xml: String
    let relationships: [Relationship]

    init(_ sheet: Sheet, selected: Bool, tables: inout WorkbookTables) {
        var xml = PackageLayout.xmlDeclaration
        xml.reserveCapacity(sheet.rows.reduce(4096) { $0 + $1.count * 48 })
        xml += "<worksheet xmlns=\"\(PackageLayout.Namespace.spreadsheet)\" xmlns:r=\"\(PackageLayout.Namespace.relationships)\">"
        xml += "<dimension ref=\"\(WorksheetPart.usedRange(of: sheet)?.a1 ?? "A1")\"/>"
        WorksheetPart.appendView(of: sheet, selected: selected, to: &xml)
        WorksheetPart.appendColumns(of: sheet, to: &xml)
        var sheetData = SheetDataWriter(sheet: sheet)
        sheetData.append(to: &xml, tables: &tables)
        if let range = sheet.autoFilter {
            xml += "<autoFilter ref=\"\(range.a1)\"/>"
        }
        if !sheet.mergedRanges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.mergedRanges.count)\">"
            for range in sheet.mergedRanges { xml += "<mergeCell ref=\"\(range.a1)\"/>" }
            xml += "</mergeCells>"
        }
        relationships = WorksheetPart.appendHyperlinks(of: sheet, to: &xml)
        xml += "</worksheet>"
        self.xml = xml
    }

    /// The smallest range holding every cell that is written, nil for a blank sheet.
    private static func usedRange(of sheet: Sheet) -> CellRange? {
        var first = (row: Int.max, column: Int.max)
        var last = (row: 0, column: 0)
        for (rowIndex, row) in sheet.rows.enumerated() {
            guard let firstColumn = row.firstIndex(where: \.isWritten), let lastColumn = row.lastIndex(where: \.isWritten) else {
                continue
            }
            first = (min(first.row, rowIndex + 1), min(first.column, firstColumn + 1))
            last = (rowIndex + 1, max(last.column, lastColumn + 1))
        }
        guard last.row > 0 else { return nil }
        return CellRange(
            CellReference(uncheckedRow: first.row, column: first.column), CellReference(uncheckedRow: last.row, column: last.column))
    }

    private static func appendView(of sheet: Sheet, selected: Bool, to xml: inout String) {
        xml += selected ? "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">" : "<sheetViews><sheetView workbookViewId=\"0\">"
        if let pane = sheet.frozenPane, pane.rows + pane.columns > 0 {
            // The pane the cursor starts in: below the frozen rows, right of the frozen columns.
            let active = pane.rows > 0 ? (pane.columns > 0 ? "bottomRight" : "bottomLeft") : "topRight"
            let topLeft = pane.topLeftCell.a1
            xml += "<pane"
            if pane.columns > 0 { xml += " xSplit=\"\(pane.columns)\"" }
            if pane.rows > 0 { xml += " ySplit=\"\(pane.rows)\"" }
            xml += " topLeftCell=\"\(topLeft)\" activePane=\"\(active)\" state=\"frozen\"/>"
            xml += "<selection pane=\"\(active)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        xml += "</sheetView></sheetViews>"
    }

    private static func appendColumns(of sheet: Sheet, to xml: inout String) {
        guard !sheet.columnWidths.isEmpty else { return }
        xml += "<cols>"
        for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
            xml += "<col min=\"\(column)\" max=\"\(column)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols>"
    }

    /// Links within the workbook carry their location; links to the web point to a relationship,
    /// numbered in the order of the sheet's links.
    private static func appendHyperlinks(of sheet: Sheet, to xml: inout String) -> [Relationship] {
        guard !sheet.hyperlinks.isEmpty else { return [] }
        var relationships: [Relationship] = []
        xml += "<hyperlinks>"
        for link in sheet.hyperlinks {
            xml += "<hyperlink ref=\"\(link.cell.a1)\""
            switch link.target {
            case .cell(let name, let cell):
                xml += " location=\""
                XMLEscaping.append(attribute: Sheet.quote(name) + "!" + cell.a1, to: &xml)
                xml += "\""
            case .url(let address):
                let id = "rId\(relationships.count + 1)"
                relationships.append(
                    Relationship(
                        id: id, type: PackageLayout.RelationshipType.hyperlink, target: Hyperlink.uriEncoded(address), isExternal: true))
                xml += " r:id=\"\(id)\""
            }
            if let tooltip = link.tooltip {
                xml += " tooltip=\""
                XMLEscaping.append(attribute: tooltip, to: &xml)
                xml += "\""
            }
            xml += "/>"
        }
        xml += "</hyperlinks>"
        return relationships
    }
}

extension Cell {
    /// Whether the cell appears in the file: it has a value, or a look that shows without one.
    var isWritten: Bool {
        if case .empty = value { return style != .plain }
        return true
    }
}
