/// Why a value or a workbook was refused, with what a caller needs to find and fix it.
public enum WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Rows are numbered 1...1,048,576.
    case rowOutOfRange(Int)
    /// Columns are numbered 1...16,384 (A...XFD).
    case columnOutOfRange(Int)
    case invalidCellReference(String)
    case invalidRange(String)
    case invalidSheetName(String, SheetNameProblem)
    /// Sheet names must differ ignoring case.
    case duplicateSheetName(String)
    /// Excel cannot open a workbook without a sheet.
    case noSheets
    /// Not a decimal number such as `-1234.56` or `1.5E-7`.
    case invalidDecimal(String)
    /// Not six hexadecimal digits such as `1E4E79`.
    case invalidColour(String)
    /// Outside 1900-03-01 00:00:00...9999-12-31 23:59:59 (see `CivilDateTime`), or not a date at all.
    case invalidDateTime(String)
    /// Empty, or longer than Excel's 8,192 characters.
    case invalidFormula(String)
    /// Empty, or longer than Excel's 255 characters.
    case invalidNumberFormat(String)
    /// More rows than Excel has.
    case tooManyRows(sheet: String, count: Int)
    /// A row (1-based) with more cells than Excel has columns.
    case tooManyColumns(sheet: String, row: Int, count: Int)
    /// A width outside 0...255, or not finite.
    case invalidColumnWidth(sheet: String, column: Int, width: Double)
    /// A height outside 0...409 points, or not finite.
    case invalidRowHeight(sheet: String, row: Int, height: Double)
    /// Two merged ranges share a cell, or a merge covers one cell only: Excel repairs either.
    case invalidMerge(sheet: String, CellRange)
    case invalidHyperlink(sheet: String, cell: CellReference, HyperlinkProblem)
    /// Past what a ZIP file without the Zip64 extensions holds (4 GiB a part, 65,535 parts).
    case packageTooLarge
    /// zlib refused; the code is zlib's.
    case compressionFailed(Int32)

    public var description: String {
        switch self {
        case .rowOutOfRange(let row): "row \(row) is outside 1...\(SpreadsheetLimits.rows)"
        case .columnOutOfRange(let column): "column \(column) is outside 1...\(SpreadsheetLimits.columns)"
        case .invalidCellReference(let text): "\"\(text)\" is not a cell reference such as B12"
        case .invalidRange(let text): "\"\(text)\" is not a range such as A1:C5"
        case .invalidSheetName(let name, let problem): "sheet name \"\(name)\": \(problem)"
        case .duplicateSheetName(let name): "two sheets are named \"\(name)\" (names are compared ignoring case)"
        case .noSheets: "a workbook needs at least one sheet"
        case .invalidDecimal(let text): "\"\(text)\" is not a decimal number"
        case .invalidColour(let text): "\"\(text)\" is not a colour of six hexadecimal digits"
        case .invalidDateTime(let text): "\(text) is not a date-time from 1900-03-01 to 9999-12-31"
        case .invalidFormula(let text): "formula \"\(text.prefix(40))\" is empty or longer than \(SpreadsheetLimits.formula) characters"
        case .invalidNumberFormat(let code): "number format \"\(code.prefix(40))\" is empty or longer than 255 characters"
        case .tooManyRows(let sheet, let count): "sheet \"\(sheet)\" has \(count) rows; Excel has \(SpreadsheetLimits.rows)"
        case .tooManyColumns(let sheet, let row, let count):
            "sheet \"\(sheet)\" row \(row) has \(count) cells; Excel has \(SpreadsheetLimits.columns) columns"
        case .invalidColumnWidth(let sheet, let column, let width):
            "sheet \"\(sheet)\" column \(CellReference.columnLetters(column)): width \(width) is outside 0...255"
        case .invalidRowHeight(let sheet, let row, let height): "sheet \"\(sheet)\" row \(row): height \(height) is outside 0...409"
        case .invalidMerge(let sheet, let range): "sheet \"\(sheet)\": merged range \(range) overlaps another or is a single cell"
        case .invalidHyperlink(let sheet, let cell, let problem): "sheet \"\(sheet)\" cell \(cell): \(problem)"
        case .packageTooLarge: "the workbook is larger than a ZIP file without Zip64 holds"
        case .compressionFailed(let code): "zlib failed with code \(code)"
        }
    }
}

/// What is wrong with a sheet name.
public enum SheetNameProblem: Equatable, Sendable, CustomStringConvertible {
    case empty
    /// Its length in UTF-16 code units, as Excel counts it.
    case tooLong(Int)
    /// One of `[ ] : * ? / \`, or a control character XML cannot carry.
    case forbiddenCharacter(Unicode.Scalar)
    case startsOrEndsWithApostrophe
    /// Excel keeps "History" for its change tracking.
    case reserved

    public var description: String {
        switch self {
        case .empty: "empty"
        case .tooLong(let length): "\(length) characters; Excel allows \(SpreadsheetLimits.sheetName)"
        case .forbiddenCharacter(let scalar): "contains \(scalar.escaped(asASCII: true)), which Excel does not allow"
        case .startsOrEndsWithApostrophe: "starts or ends with an apostrophe"
        case .reserved: "reserved by Excel"
        }
    }
}

/// What is wrong with a hyperlink.
public enum HyperlinkProblem: Equatable, Sendable, CustomStringConvertible {
    /// The link points to a sheet the workbook does not have.
    case unknownSheet(String)
    /// Only `https://` and `http://` addresses: anything else (`file:`, `javascript:`) is refused.
    case unsupportedAddress(String)
    case addressTooLong(Int)
    case tooltipTooLong(Int)
    /// The cell already has a link.
    case duplicate

    public var description: String {
        switch self {
        case .unknownSheet(let name): "links to sheet \"\(name)\", which the workbook does not have"
        case .unsupportedAddress(let address): "\"\(address.prefix(40))\" is not an https or http address"
        case .addressTooLong(let length): "address of \(length) characters; Excel allows \(SpreadsheetLimits.hyperlinkAddress)"
        case .tooltipTooLong(let length): "tooltip of \(length) characters; Excel allows \(SpreadsheetLimits.hyperlinkTooltip)"
        case .duplicate: "has two hyperlinks"
        }
    }
}
