/// A spreadsheet: sheets in tab order and the document's properties. Writing is pure (values in,
/// bytes out) and deterministic: the same workbook gives the same bytes, so outputs can be compared
/// and cached.
public struct Workbook: Sendable {
    public var sheets: [Sheet]
    public var properties: DocumentProperties

    public init(sheets: [Sheet], properties: DocumentProperties) {
        self.sheets = sheets
        self.properties = properties
    }

    /// The `.xlsx` file.
    public func xlsx() throws(WorkbookError) -> [UInt8] {
        try write().bytes
    }

    /// The `.xlsx` file and the cells whose text it had to cut.
    public func write() throws(WorkbookError) -> WrittenWorkbook {
        try XLSXPackage.write(self)
    }

    /// The cells whose text is longer than a cell holds, as `write()` will report them: known before
    /// writing, so a caller can flag them on a sheet of the same workbook.
    public var truncations: [Truncation] {
        sheets.flatMap { sheet in
            sheet.rows.indices.flatMap { row in
                sheet.rows[row].indices.compactMap { column -> Truncation? in
                    guard let text = sheet.rows[row][column].value.cellText,
                        let length = CellTextLimit.fitted(text).originalLength
                    else { return nil }
                    return Truncation(
                        sheet: sheet.name, cell: CellReference(uncheckedRow: row + 1, column: column + 1), originalLength: length)
                }
            }
        }
    }
}

/// What `Workbook.write()` produced.
public struct WrittenWorkbook: Sendable {
    public let bytes: [UInt8]
    /// Every cell whose text was cut to Excel's 32,767 characters, in sheet and cell order.
    public let truncations: [Truncation]
}

/// The document's own properties, shown in Excel's File > Info.
public struct DocumentProperties: Equatable, Sendable {
    public var title: String?
    public var creator: String?
    /// Also the modification time of every part in the ZIP container, which keeps the bytes reproducible.
    public var created: CivilDateTime
    public var application: String

    public init(title: String? = nil, creator: String? = nil, created: CivilDateTime, application: String = "opsdaily") {
        self.title = title
        self.creator = creator
        self.created = created
        self.application = application
    }
}
