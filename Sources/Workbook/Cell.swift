/// What a cell holds.
public enum CellValue: Equatable, Sendable {
    /// Always text, whatever it looks like: `=1+2` or `00123` stays as written. Longer than Excel's
    /// 32,767 characters, it is cut in the file and the cut is reported (`Workbook.truncations`).
    case text(String)
    /// Excel holds numbers as doubles: past 15 digits it rounds, so identifiers (account ids) are text.
    case integer(Int)
    case decimal(DecimalNumber)
    case boolean(Bool)
    /// Written as Excel's serial number, shown with `NumberFormat.dateTime` unless the style has a format.
    case dateTime(CivilDateTime)
    case formula(Formula)
    /// No value; written only when its style shows something (a fill, a border).
    case empty
}

/// A value with its look.
public struct Cell: Equatable, Sendable {
    public var value: CellValue
    public var style: CellStyle

    public init(_ value: CellValue = .empty, style: CellStyle = .plain) {
        self.value = value
        self.style = style
    }

    public static let empty = Cell()

    public static func text(_ text: String, style: CellStyle = .plain) -> Cell {
        Cell(.text(text), style: style)
    }

    public static func integer(_ value: Int, style: CellStyle = .plain) -> Cell {
        Cell(.integer(value), style: style)
    }

    public static func decimal(_ value: DecimalNumber, style: CellStyle = .plain) -> Cell {
        Cell(.decimal(value), style: style)
    }

    public static func boolean(_ value: Bool, style: CellStyle = .plain) -> Cell {
        Cell(.boolean(value), style: style)
    }

    public static func dateTime(_ value: CivilDateTime, style: CellStyle = .plain) -> Cell {
        Cell(.dateTime(value), style: style)
    }

    public static func formula(_ formula: Formula, style: CellStyle = .plain) -> Cell {
        Cell(.formula(formula), style: style)
    }
}
