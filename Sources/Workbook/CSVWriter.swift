extension Sheet {
    /// The sheet as CSV (RFC 4180): UTF-8 with a byte order mark (without one, Excel reads the bytes
    /// in the system's code page and Korean turns into mojibake), CRLF after every record, every row
    /// padded to the widest so that each record has the same number of fields.
    ///
    /// Protected against CSV formula injection (OWASP): text that starts with `=`, `+`, `-`, `@`, a tab
    /// or a CR, which a spreadsheet would run as a formula, gets a leading `'`. Numbers are written as
    /// numbers, negative ones included. A formula is written as its cached value, or as protected text
    /// when it has none. Text is written whole: the cell limit is the xlsx format's, not CSV's.
    public func csv() -> [UInt8] {
        var output: [UInt8] = [0xEF, 0xBB, 0xBF]
        output.reserveCapacity(rows.reduce(3) { $0 + $1.count * 16 })
        let width = rows.map(\.count).max() ?? 0
        for row in rows {
            for column in 0..<width {
                if column > 0 { output.append(UInt8(ascii: ",")) }
                if column < row.count { CSVWriter.append(row[column].value, to: &output) }
            }
            output += [0x0D, 0x0A]
        }
        return output
    }
}

enum CSVWriter {
    static func append(_ value: CellValue, to output: inout [UInt8]) {
        switch value {
        case .empty: break
        case .text(let text): appendText(text, to: &output)
        case .integer(let value): output += String(value).utf8
        case .decimal(let value): output += value.text.utf8
        case .boolean(let value): output += (value ? "TRUE" : "FALSE").utf8
        case .dateTime(let value): output += value.description.utf8
        case .formula(let formula):
            switch formula.cachedValue {
            case .number(let value)?: output += value.text.utf8
            case .text(let text)?: appendText(text, to: &output)
            case .boolean(let value)?: output += (value ? "TRUE" : "FALSE").utf8
            case nil: appendText("=" + formula.expression, to: &output)
            }
        }
    }

    /// A text field: protected if it could run as a formula, quoted if it holds a comma, a quote or a
    /// line break, its quotes doubled.
    private static func appendText(_ text: String, to output: inout [UInt8]) {
        let utf8 = text.utf8
        let injectable: Bool
        switch utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: injectable = true
        default: injectable = false
        }
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        if quoted { output.append(UInt8(ascii: "\"")) }
        if injectable { output.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        if quoted { output.append(UInt8(ascii: "\"")) }
    }
}
