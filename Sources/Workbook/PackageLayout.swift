/// Where each part of the package lives, what it is, and how parts point to each other (ECMA-376
/// Part 1 and Part 2, Open Packaging Conventions). Every part file takes its names from here.
enum PackageLayout {
    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let contentTypesPath = "[Content_Types].xml"
    static let rootRelationshipsPath = "_rels/.rels"
    static let corePropertiesPath = "docProps/core.xml"
    static let extendedPropertiesPath = "docProps/app.xml"
    static let workbookPath = "xl/workbook.xml"
    static let workbookRelationshipsPath = "xl/_rels/workbook.xml.rels"
    static let stylesPath = "xl/styles.xml"
    static let themePath = "xl/theme/theme1.xml"
    static let sharedStringsPath = "xl/sharedStrings.xml"

    /// Sheets are numbered from 1 in tab order.
    static func worksheetPath(_ number: Int) -> String { "xl/worksheets/sheet\(number).xml" }
    static func worksheetRelationshipsPath(_ number: Int) -> String { "xl/worksheets/_rels/sheet\(number).xml.rels" }

    enum ContentType {
        static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        static let xml = "application/xml"
        static let workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        static let worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        static let styles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
        static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
        static let sharedStrings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
        static let coreProperties = "application/vnd.openxmlformats-package.core-properties+xml"
        static let extendedProperties = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    }

    enum RelationshipType {
        private static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        static let workbook = officeDocument + "officeDocument"
        static let extendedProperties = officeDocument + "extended-properties"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let worksheet = officeDocument + "worksheet"
        static let styles = officeDocument + "styles"
        static let theme = officeDocument + "theme"
        static let sharedStrings = officeDocument + "sharedStrings"
        static let hyperlink = officeDocument + "hyperlink"
    }

    enum Namespace {
        static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    }
}
