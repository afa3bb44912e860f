/// Columns of text aligned with spaces, for results on a terminal. Values are cut at a width and stripped
/// of control characters: an ARN or a tag value from an account must not move the cursor.
public final class TextTable {
    private let header: [String]
    private var rows: [[String]] = []
    private let maximumWidth: Int

    public init(header: [String], maximumWidth: Int = 100) {
        self.header = header
        self.maximumWidth = maximumWidth
    }

    public var isEmpty: Bool { rows.isEmpty }

    public func add(_ row: [String]) {
        rows.append(row.map { Self.clean($0, maximumWidth) })
    }

    public func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : row[column] + String(repeating: " ", count: widths[column] - row[column].count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func clean(_ text: String, _ width: Int) -> String {
        let printable = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        return printable.count > width ? String(printable.prefix(width - 1)) + "…" : printable
    }
}
