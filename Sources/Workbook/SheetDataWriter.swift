import XMLTree

/// `<sheetData>`: the rows that have something to show, and their cells, each with its reference,
/// look and value. Text goes to the shared strings, cut to Excel's limit if it must be.
struct SheetDataWriter {
    private let sheet: Sheet
    /// `A`, `B`, …: every cell needs its column's letters, computed once per column.
    private var columnLetters: [String] = []

    init(sheet: Sheet) {
        self.sheet = sheet
    }

    mutating func append(to xml: inout String, tables: inout WorkbookTables) {
        // Heights by row number, walked alongside the rows; those past the last row of cells come last.
        let heights = sheet.rowHeights.sorted { $0.key < $1.key }
        var nextHeight = 0
        xml += "<sheetData>"
        for (index, row) in sheet.rows.enumerated() {
            var height: Double?
            if nextHeight < heights.count, heights[nextHeight].key == index + 1 {
                height = heights[nextHeight].value
                nextHeight += 1
            }
            appendRow(index + 1, row, height: height, to: &xml, tables: &tables)
        }
        for (number, height) in heights[nextHeight...] {
            appendRow(number, [], height: height, to: &xml, tables: &tables)
        }
        xml += "</sheetData>"
    }

    private mutating func appendRow(_ number: Int, _ row: [Cell], height: Double?, to xml: inout String, tables: inout WorkbookTables) {
        guard height != nil || row.contains(where: \.isWritten) else { return }
        let rowText = String(number)
        xml += "<row r=\"" + rowText
        if let height { xml += "\" ht=\"\(height)\" customHeight=\"1" }
        xml += "\">"
        if row.count > columnLetters.count {
            columnLetters += (columnLetters.count + 1...row.count).map(CellReference.columnLetters)
        }
        for (index, cell) in row.enumerated() where cell.isWritten {
            xml += "<c r=\""
            xml += columnLetters[index]
            xml += rowText
            appendCell(cell, at: CellReference(uncheckedRow: number, column: index + 1), to: &xml, tables: &tables)
        }
        xml += "</row>"
    }

    /// The rest of a `<c>` after its reference: look, type, formula, value.
    private func appendCell(_ cell: Cell, at reference: CellReference, to xml: inout String, tables: inout WorkbookTables) {
        var style = cell.style
        if case .dateTime = cell.value, style.numberFormat == nil {
            style.numberFormat = .dateTime
        }
        let styleNumber = tables.styles.number(for: style)
        if styleNumber != 0 {
            xml += "\" s=\""
            xml += String(styleNumber)
        }
        switch cell.value {
        case .empty:
            xml += "\"/>"
        case .text(let text):
            let number = tables.strings.number(for: fitted(text, at: reference, tables: &tables))
            xml += "\" t=\"s\"><v>"
            xml += String(number)
            xml += "</v></c>"
        case .integer(let value):
            xml += "\"><v>"
            xml += String(value)
            xml += "</v></c>"
        case .decimal(let value):
            xml += "\"><v>"
            xml += value.text
            xml += "</v></c>"
        case .boolean(let value):
            xml += value ? "\" t=\"b\"><v>1</v></c>" : "\" t=\"b\"><v>0</v></c>"
        case .dateTime(let value):
            xml += "\"><v>"
            xml += value.excelSerial
            xml += "</v></c>"
        case .formula(let formula):
            // The type attribute describes the cached value: a string (`str`), a boolean, or a number.
            switch formula.cachedValue {
            case .text?: xml += "\" t=\"str\"><f>"
            case .boolean?: xml += "\" t=\"b\"><f>"
            case .number?, nil: xml += "\"><f>"
            }
            XMLEscaping.append(text: formula.expression, to: &xml)
            xml += "</f>"
            switch formula.cachedValue {
            case .text(let text)?:
                xml += "<v>"
                XMLEscaping.append(text: EscapedUnicodeText.escaped(fitted(text, at: reference, tables: &tables)), to: &xml)
                xml += "</v>"
            case .boolean(let value)?: xml += value ? "<v>1</v>" : "<v>0</v>"
            case .number(let value)?: xml += "<v>" + value.text + "</v>"
            case nil: break
            }
            xml += "</c>"
        }
    }

    private func fitted(_ text: String, at reference: CellReference, tables: inout WorkbookTables) -> String {
        let fitted = CellTextLimit.fitted(text)
        if let length = fitted.originalLength {
            tables.truncations.append(Truncation(sheet: sheet.name, cell: reference, originalLength: length))
        }
        return fitted.text
    }
}
