import XMLTree

/// `xl/workbook.xml`: the sheets in tab order, the autofilters' defined names, and how to calculate.
enum WorkbookPart {
    static func xml(sheets: [Sheet]) -> String {
        var xml = PackageLayout.xmlDeclaration
        xml += "<workbook xmlns=\"\(PackageLayout.Namespace.spreadsheet)\" xmlns:r=\"\(PackageLayout.Namespace.relationships)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\""
            XMLEscaping.append(attribute: sheet.name, to: &xml)
            xml += "\" sheetId=\"\(index + 1)\" r:id=\"\(sheetRelationshipID(index))\"/>"
        }
        xml += "</sheets>"
        // Excel keeps each autofilter's range in this hidden name too, and writes it itself on save:
        // without it the filter works, but the file is not the one Excel would write.
        let filtered = sheets.indices.compactMap { index in sheets[index].autoFilter.map { (index, sheets[index], $0) } }
        if !filtered.isEmpty {
            xml += "<definedNames>"
            for (index, sheet, range) in filtered {
                xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                XMLEscaping.append(text: Sheet.quote(sheet.name) + "!" + range.absoluteA1, to: &xml)
                xml += "</definedName>"
            }
            xml += "</definedNames>"
        }
        // Formulas are written with at most a cached value: have Excel and LibreOffice compute them all on open.
        xml += "<calcPr fullCalcOnLoad=\"1\"/></workbook>"
        return xml
    }

    /// The workbook's relationships: its sheets first (`rId1`… in tab order), then styles, theme and strings.
    static func relationships(sheetCount: Int) -> [Relationship] {
        typealias Types = PackageLayout.RelationshipType
        let sheets = (0..<sheetCount).map { index in
            Relationship(id: sheetRelationshipID(index), type: Types.worksheet, target: "worksheets/sheet\(index + 1).xml")
        }
        return sheets + [
            Relationship(id: "rId\(sheetCount + 1)", type: Types.styles, target: "styles.xml"),
            Relationship(id: "rId\(sheetCount + 2)", type: Types.theme, target: "theme/theme1.xml"),
            Relationship(id: "rId\(sheetCount + 3)", type: Types.sharedStrings, target: "sharedStrings.xml"),
        ]
    }

    private static func sheetRelationshipID(_ index: Int) -> String { "rId\(index + 1)" }
}
