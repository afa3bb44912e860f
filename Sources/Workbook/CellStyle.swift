/// How a cell looks. The writer turns the distinct styles a workbook uses into its styles table, so a
/// caller states each cell's look in full and never manages style ids.
public struct CellStyle: Hashable, Sendable {
    public var bold: Bool
    public var underline: Bool
    /// The default (theme text colour) when nil.
    public var fontColour: Colour?
    /// A solid fill; none when nil.
    public var fillColour: Colour?
    public var horizontalAlignment: HorizontalAlignment?
    public var verticalAlignment: VerticalAlignment?
    public var wrapText: Bool
    /// `General` when nil, except for date-times, which show as `NumberFormat.dateTime`.
    public var numberFormat: NumberFormat?
    /// A thin black line on all four sides.
    public var thinBorder: Bool

    public init(
        bold: Bool = false,
        underline: Bool = false,
        fontColour: Colour? = nil,
        fillColour: Colour? = nil,
        horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil,
        wrapText: Bool = false,
        numberFormat: NumberFormat? = nil,
        thinBorder: Bool = false
    ) {
        self.bold = bold
        self.underline = underline
        self.fontColour = fontColour
        self.fillColour = fillColour
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrapText = wrapText
        self.numberFormat = numberFormat
        self.thinBorder = thinBorder
    }

    /// Excel's default look.
    public static let plain = CellStyle()
}

/// The values of SpreadsheetML's `ST_HorizontalAlignment` a report uses.
public enum HorizontalAlignment: String, Hashable, Sendable {
    case left, center, right, justify
}

/// The values of `ST_VerticalAlignment` a report uses.
public enum VerticalAlignment: String, Hashable, Sendable {
    case top, center, bottom
}
