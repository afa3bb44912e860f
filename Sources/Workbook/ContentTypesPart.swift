/// `[Content_Types].xml`: the media type of every part, which is how a reader tells a worksheet from
/// the styles (part names mean nothing to it).
enum ContentTypesPart {
    static func xml(sheetCount: Int) -> String {
        typealias Types = PackageLayout.ContentType
        var xml = PackageLayout.xmlDeclaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"\(Types.relationships)\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"\(Types.xml)\"/>"
        let overrides =
            [
                (PackageLayout.workbookPath, Types.workbook),
                (PackageLayout.stylesPath, Types.styles),
                (PackageLayout.themePath, Types.theme),
                (PackageLayout.sharedStringsPath, Types.sharedStrings),
                (PackageLayout.corePropertiesPath, Types.coreProperties),
                (PackageLayout.extendedPropertiesPath, Types.extendedProperties),
            ] + (1...sheetCount).map { (PackageLayout.worksheetPath($0), Types.worksheet) }
        for (path, type) in overrides {
            xml += "<Override PartName=\"/\(path)\" ContentType=\"\(type)\"/>"
        }
        xml += "</Types>"
        return xml
    }
}
