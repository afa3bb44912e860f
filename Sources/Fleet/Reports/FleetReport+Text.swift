/// The report for a terminal: the summary, then each table's groups with their rows as aligned columns.
extension FleetReport {
    public func text(limit: Int? = nil) -> String {
        var out = summary.joined(separator: "\n") + "\n"
        for table in tables where !table.rows.isEmpty {
            out += "\n\(table.name) (\(table.rows.count))\n"
            let shown = table.columns.indices.filter { $0 != table.groupColumn }
            var widths = shown.map { table.columns[$0].title.count }
            for row in table.rows {
                for (position, column) in shown.enumerated() { widths[position] = min(48, max(widths[position], Self.clean(row[column]).count)) }
            }
            func line(_ cells: [String]) -> String {
                zip(cells, widths).map { cell, width in
                    let text = Self.clean(cell)
                    let cut = text.count > width ? String(text.prefix(width - 1)) + "…" : text
                    return cut + String(repeating: " ", count: width - cut.count)
                }.joined(separator: "  ").trimmingSuffixSpaces()
            }
            for group in table.groups {
                if let groupColumn = table.groupColumn { out += "\n  \(table.columns[groupColumn].title): \(Self.clean(group.name)) (\(group.rows.count))\n" }
                out += "    " + line(shown.map { table.columns[$0].title }) + "\n"
                let rows = limit.map { Array(group.rows.prefix($0)) } ?? group.rows
                for row in rows { out += "    " + line(shown.map { row[$0] }) + "\n" }
                if rows.count < group.rows.count { out += "    … \(group.rows.count - rows.count) more (see the files)\n" }
            }
        }
        return out
    }

    /// Control characters (a hostile tag value with an escape sequence or a newline) never reach the terminal.
    public static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}

extension String {
    func trimmingSuffixSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
