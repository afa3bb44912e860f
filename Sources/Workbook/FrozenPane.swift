/// Rows at the top and columns at the left that stay in view while the rest scrolls: a table's title
/// and header, an identifier column.
public struct FrozenPane: Equatable, Sendable {
    public let rows: Int
    public let columns: Int

    /// Short of Excel's last row and column; zero rows and columns freeze nothing.
    public init(rows: Int = 0, columns: Int = 0) throws(WorkbookError) {
        guard (0..<SpreadsheetLimits.rows).contains(rows) else { throw .rowOutOfRange(rows) }
        guard (0..<SpreadsheetLimits.columns).contains(columns) else { throw .columnOutOfRange(columns) }
        self.rows = rows
        self.columns = columns
    }

    /// Everything above and left of `cell`: `B4` freezes rows 1–3 and column A.
    public init(topLeftOfScrollingArea cell: CellReference) throws(WorkbookError) {
        try self.init(rows: cell.row - 1, columns: cell.column - 1)
    }

    /// The first cell that scrolls.
    public var topLeftCell: CellReference { CellReference(uncheckedRow: rows + 1, column: columns + 1) }
}
