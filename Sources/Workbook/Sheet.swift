/// One worksheet: a grid of cells and how it is laid out. Rows and cells are positional: `rows[0][0]`
/// is A1; a `Cell.empty` holds a place.
public struct Sheet: Equatable, Sendable {
    /// Valid by construction (`Sheet.validName(_:)`); unique within a workbook, checked when it is written.
    public let name: String
    public var rows: [[Cell]]
    /// Widths in characters of the default font, by column number (1 is A); Excel's default elsewhere.
    public var columnWidths: [Int: Double]
    /// Heights in points, by row number (1-based); Excel fits the others to their content.
    public var rowHeights: [Int: Double]
    public var frozenPane: FrozenPane?
    /// The range whose first row gets filter buttons: a table's header and its rows.
    public var autoFilter: CellRange?
    public var mergedRanges: [CellRange]
    public var hyperlinks: [Hyperlink]

    public init(
        name: String,
        rows: [[Cell]] = [],
        columnWidths: [Int: Double] = [:],
        rowHeights: [Int: Double] = [:],
        frozenPane: FrozenPane? = nil,
        autoFilter: CellRange? = nil,
        mergedRanges: [CellRange] = [],
        hyperlinks: [Hyperlink] = []
    ) throws(WorkbookError) {
        self.name = try Sheet.validName(name)
        self.rows = rows
        self.columnWidths = columnWidths
        self.rowHeights = rowHeights
        self.frozenPane = frozenPane
        self.autoFilter = autoFilter
        self.mergedRanges = mergedRanges
        self.hyperlinks = hyperlinks
    }
}
