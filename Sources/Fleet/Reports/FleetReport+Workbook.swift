import Workbook

/// The report as a workbook in the house style of the operators' files (SPEC §13): a summary sheet, then one
/// sheet per table with the title and count, a bold white header on #1E4E79, frozen under the header, an
/// autofilter and column widths. Also each sheet as CSV.
extension FleetReport {
    static let headerStyle = CellStyle(bold: true, fontColour: .white, fillColour: Colour(red: 0x1E, green: 0x4E, blue: 0x79), thinBorder: true)
    static let titleStyle = CellStyle(bold: true)

    public func workbook(created: CivilDateTime) throws -> Workbook {
        var sheets = [try Sheet(name: "Summary", rows: [[.text(title, style: Self.titleStyle)]] + summary.map { [.text($0)] }, columnWidths: [1: 100])]
        for table in tables {
            var rows: [[Cell]] = [[.text("\(table.name) (\(table.rows.count))", style: Self.titleStyle)]]
            rows.append(table.columns.map { .text($0.title, style: Self.headerStyle) })
            rows += table.rows.map { $0.map { .text($0) } }
            var widths: [Int: Double] = [:]
            for (index, column) in table.columns.enumerated() { widths[index + 1] = Double(column.width) }
            sheets.append(try Sheet(
                name: table.name, rows: rows, columnWidths: widths, frozenPane: try FrozenPane(rows: 2),
                autoFilter: try CellRange(CellReference(row: 2, column: 1), CellReference(row: 2 + table.rows.count, column: table.columns.count))))
        }
        return Workbook(sheets: sheets, properties: DocumentProperties(title: title, creator: "opsdaily", created: created))
    }

    /// `<table>.csv` per table (the summary is in the text output), protected against formula injection.
    public func csvFiles(created: CivilDateTime) throws -> [(name: String, bytes: [UInt8])] {
        try workbook(created: created).sheets.dropFirst().map { sheet in
            var rows = sheet
            rows.rows.removeFirst()
            return ("\(sheet.name).csv", rows.csv())
        }
    }
}
