/// The `.xlsx` file: every part, in a fixed order, in one ZIP container. Sheets are written first
/// into the archive's buffer, since the styles and shared strings they use are known only then; the
/// order of parts in the ZIP means nothing to readers, only that it never changes.
enum XLSXPackage {
    static func write(_ workbook: Workbook) throws(WorkbookError) -> WrittenWorkbook {
        try WorkbookValidation.check(workbook)
        let sheets = workbook.sheets
        var archive = ZipArchive(modified: workbook.properties.created)
        try archive.add(PackageLayout.contentTypesPath, ContentTypesPart.xml(sheetCount: sheets.count))
        try archive.add(PackageLayout.rootRelationshipsPath, RelationshipsPart.xml(rootRelationships))
        try archive.add(PackageLayout.corePropertiesPath, DocumentPropertiesPart.coreXML(workbook.properties))
        try archive.add(PackageLayout.extendedPropertiesPath, DocumentPropertiesPart.extendedXML(workbook.properties))
        try archive.add(PackageLayout.workbookPath, WorkbookPart.xml(sheets: sheets))
        try archive.add(
            PackageLayout.workbookRelationshipsPath, RelationshipsPart.xml(WorkbookPart.relationships(sheetCount: sheets.count)))
        var tables = WorkbookTables()
        for (index, sheet) in sheets.enumerated() {
            let part = WorksheetPart(sheet, selected: index == 0, tables: &tables)
            try archive.add(PackageLayout.worksheetPath(index + 1), part.xml)
            if !part.relationships.isEmpty {
                try archive.add(PackageLayout.worksheetRelationshipsPath(index + 1), RelationshipsPart.xml(part.relationships))
            }
        }
        try archive.add(PackageLayout.stylesPath, StylesPart.xml(styles: tables.styles.styles))
        try archive.add(PackageLayout.themePath, ThemePart.xml)
        try archive.add(PackageLayout.sharedStringsPath, tables.strings.xml())
        return WrittenWorkbook(bytes: try archive.finish(), truncations: tables.truncations)
    }

    /// The package's own relationships: the workbook and the two property parts.
    private static let rootRelationships = [
        Relationship(id: "rId1", type: PackageLayout.RelationshipType.workbook, target: PackageLayout.workbookPath),
        Relationship(id: "rId2", type: PackageLayout.RelationshipType.coreProperties, target: PackageLayout.corePropertiesPath),
        Relationship(id: "rId3", type: PackageLayout.RelationshipType.extendedProperties, target: PackageLayout.extendedPropertiesPath),
    ]
}
