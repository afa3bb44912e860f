/// One cell of a sheet, 1-based like Excel's own numbering: row 1 and column 1 are `A1`. Every value
/// is within Excel's grid, so a reference that exists can always be written.
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) throws(WorkbookError) {
        guard (1...SpreadsheetLimits.rows).contains(row) else { throw .rowOutOfRange(row) }
        guard (1...SpreadsheetLimits.columns).contains(column) else { throw .columnOutOfRange(column) }
        self.row = row
        self.column = column
    }

    /// Reads `B12` (letters case-insensitive, no `$`).
    public init(_ a1: String) throws(WorkbookError) {
        let utf8 = Array(a1.utf8)
        let letters = utf8.prefix {
            $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")
        }
        let digits = utf8[letters.count...]
        guard !letters.isEmpty, letters.count <= 3, !digits.isEmpty, digits.count <= 7, digits.first != UInt8(ascii: "0"),
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { throw .invalidCellReference(a1) }
        let column = letters.reduce(0) { $0 * 26 + Int(($1 | 0x20) - UInt8(ascii: "a")) + 1 }
        let row = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        try self.init(row: row, column: column)
    }

    /// For values the writer has already checked against the grid.
    init(uncheckedRow row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `B12`.
    public var a1: String { CellReference.columnLetters(column) + String(row) }

    /// `$B$12`, the form defined names use.
    var absoluteA1: String { "$" + CellReference.columnLetters(column) + "$" + String(row) }

    public var description: String { a1 }

    /// The letters of a column: 1 is `A`, 27 is `AA`, 16,384 is `XFD` (bijective base 26: there is no zero digit).
    public static func columnLetters(_ column: Int) -> String {
        precondition(column >= 1, "columns are numbered from 1")
        var remaining = column
        var letters: [UInt8] = []
        while remaining > 0 {
            remaining -= 1
            letters.append(UInt8(ascii: "A") + UInt8(remaining % 26))
            remaining /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Row-major, the order cells are written in.
    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
