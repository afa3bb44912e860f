import XMLTree

/// `docProps/core.xml` (title, author, dates: Dublin Core) and `docProps/app.xml` (the application).
enum DocumentPropertiesPart {
    static func coreXML(_ properties: DocumentProperties) -> String {
        var xml = PackageLayout.xmlDeclaration
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        xml += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        xml += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if let title = properties.title {
            xml += "<dc:title>"
            XMLEscaping.append(text: title, to: &xml)
            xml += "</dc:title>"
        }
        if let creator = properties.creator {
            xml += "<dc:creator>"
            XMLEscaping.append(text: creator, to: &xml)
            xml += "</dc:creator>"
        }
        let created = properties.created.w3cUTC
        xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(created)</dcterms:created>"
        xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(created)</dcterms:modified>"
        xml += "</cp:coreProperties>"
        return xml
    }

    static func extendedXML(_ properties: DocumentProperties) -> String {
        var xml = PackageLayout.xmlDeclaration
        xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>"
        XMLEscaping.append(text: properties.application, to: &xml)
        xml += "</Application></Properties>"
        return xml
    }
}
