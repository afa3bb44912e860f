/// A rectangle of cells, e.g. `A3:F120`: an autofilter, a merge, a defined name.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    public let first: CellReference
    /// The bottom-right cell.
    public let last: CellReference

    /// The rectangle with these two corners, whichever way round they are given.
    public init(_ corner: CellReference, _ opposite: CellReference) {
        first = CellReference(uncheckedRow: min(corner.row, opposite.row), column: min(corner.column, opposite.column))
        last = CellReference(uncheckedRow: max(corner.row, opposite.row), column: max(corner.column, opposite.column))
    }

    /// Reads `A3:F120`, or `B2` for a single cell.
    public init(_ a1: String) throws(WorkbookError) {
        let parts = a1.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .invalidRange(a1) }
        do {
            let corner = try CellReference(String(parts[0]))
            let opposite = parts.count == 2 ? try CellReference(String(parts[1])) : corner
            self.init(corner, opposite)
        } catch {
            throw .invalidRange(a1)
        }
    }

    /// `A3:F120`, or `B2` when the range is one cell.
    public var a1: String { first == last ? first.a1 : first.a1 + ":" + last.a1 }

    /// `$A$3:$F$120`.
    var absoluteA1: String { first.absoluteA1 + ":" + last.absoluteA1 }

    public var description: String { a1 }

    public var rowCount: Int { last.row - first.row + 1 }
    public var columnCount: Int { last.column - first.column + 1 }

    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    public func overlaps(_ other: CellRange) -> Bool {
        first.row <= other.last.row && other.first.row <= last.row && first.column <= other.last.column
            && other.first.column <= last.column
    }
}
