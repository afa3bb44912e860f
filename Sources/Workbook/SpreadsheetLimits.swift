/// Excel's own limits ("Excel specifications and limits"). A file past one of them is one Excel repairs,
/// cuts or refuses, so the writer enforces them: cell text by cutting (reported), the rest by typed errors.
public enum SpreadsheetLimits {
    public static let rows = 1_048_576
    public static let columns = 16_384
    /// Characters in one cell, counted as Excel counts them: UTF-16 code units.
    public static let cellText = 32_767
    /// Characters (UTF-16 code units) in a sheet name.
    public static let sheetName = 31
    /// Characters in a formula's text, without its `=`.
    public static let formula = 8_192
    /// Characters in a hyperlink's address; Excel drops longer links.
    public static let hyperlinkAddress = 2_079
    /// Characters in a hyperlink's tooltip (its "ScreenTip").
    public static let hyperlinkTooltip = 255
    /// A column's width, in characters of the default font.
    public static let columnWidth = 255.0
    /// A row's height, in points.
    public static let rowHeight = 409.0
}
