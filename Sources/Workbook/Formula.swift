/// A formula such as `=D5*$B$2`, kept as Excel's text. The writer does not evaluate it: Excel and
/// LibreOffice recalculate every formula when they open the file, and a cached value, when given, is
/// what readers that do not calculate (openpyxl with `data_only`, previews, CSV) show meanwhile.
/// As in any file Excel writes, functions added after Excel 2007 carry their `_xlfn.` prefix
/// (`_xlfn.XLOOKUP(…)`, `_xlfn.CONCAT(…)`); without it Excel shows `#NAME?`.
public struct Formula: Equatable, Sendable {
    /// The formula without its leading `=`, as the file stores it.
    public let expression: String
    public var cachedValue: CachedValue?

    public enum CachedValue: Equatable, Sendable {
        case number(DecimalNumber)
        case text(String)
        case boolean(Bool)
    }

    /// `text` with or without its leading `=`.
    public init(_ text: String, cachedValue: CachedValue? = nil) throws(WorkbookError) {
        let expression = text.first == "=" ? String(text.dropFirst()) : text
        guard !expression.isEmpty, expression.utf16.count <= SpreadsheetLimits.formula else { throw .invalidFormula(text) }
        self.expression = expression
        self.cachedValue = cachedValue
    }
}
