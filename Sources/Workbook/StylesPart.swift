import XMLTree

/// `xl/styles.xml`: the fonts, fills, borders and number formats of the workbook's looks, each table
/// holding its distinct entries in order of first use, and one cell format (`xf`) per look.
enum StylesPart {
    /// Ids below 164 are Excel's built-in formats; the file defines its own from there.
    private static let firstCustomNumberFormatID = 164

    static func xml(styles: [CellStyle]) -> String {
        var fonts = Numbering<Font>(first: [Font(bold: false, underline: false, colour: nil)])
        // Excel requires these two fills first, whatever the cells use.
        var fills = Numbering<Fill>(first: [.none, .gray125])
        var borders = Numbering<Bool>(first: [false])
        var customFormats = Numbering<String>(first: [])
        var cellFormats = ""
        for style in styles {
            let font = fonts.number(for: Font(bold: style.bold, underline: style.underline, colour: style.fontColour))
            let fill = style.fillColour.map { fills.number(for: .solid($0)) } ?? 0
            let border = borders.number(for: style.thinBorder)
            let format =
                style.numberFormat.map { format in
                    format.builtInID ?? firstCustomNumberFormatID + customFormats.number(for: format.code)
                } ?? 0
            cellFormats += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
            // The apply flags mark the parts of the look that are the cell's own, as Excel writes them.
            if format != 0 { cellFormats += " applyNumberFormat=\"1\"" }
            if font != 0 { cellFormats += " applyFont=\"1\"" }
            if fill != 0 { cellFormats += " applyFill=\"1\"" }
            if border != 0 { cellFormats += " applyBorder=\"1\"" }
            if let alignment = alignment(of: style) {
                cellFormats += " applyAlignment=\"1\">" + alignment + "</xf>"
            } else {
                cellFormats += "/>"
            }
        }

        var xml = PackageLayout.xmlDeclaration
        xml += "<styleSheet xmlns=\"\(PackageLayout.Namespace.spreadsheet)\">"
        if !customFormats.entries.isEmpty {
            xml += "<numFmts count=\"\(customFormats.entries.count)\">"
            for (offset, code) in customFormats.entries.enumerated() {
                xml += "<numFmt numFmtId=\"\(firstCustomNumberFormatID + offset)\" formatCode=\""
                XMLEscaping.append(attribute: code, to: &xml)
                xml += "\"/>"
            }
            xml += "</numFmts>"
        }
        xml += "<fonts count=\"\(fonts.entries.count)\">" + fonts.entries.map(\.xml).joined() + "</fonts>"
        xml += "<fills count=\"\(fills.entries.count)\">" + fills.entries.map(\.xml).joined() + "</fills>"
        xml += "<borders count=\"\(borders.entries.count)\">"
        xml += borders.entries.map { $0 ? thinBorder : "<border><left/><right/><top/><bottom/><diagonal/></border>" }.joined()
        xml += "</borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(styles.count)\">" + cellFormats + "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "</styleSheet>"
        return xml
    }

    private static let thinBorder =
        "<border>" + ["left", "right", "top", "bottom"].map { "<\($0) style=\"thin\"><color auto=\"1\"/></\($0)>" }.joined()
        + "<diagonal/></border>"

    private static func alignment(of style: CellStyle) -> String? {
        guard style.horizontalAlignment != nil || style.verticalAlignment != nil || style.wrapText else { return nil }
        var xml = "<alignment"
        if let horizontal = style.horizontalAlignment { xml += " horizontal=\"\(horizontal.rawValue)\"" }
        if let vertical = style.verticalAlignment { xml += " vertical=\"\(vertical.rawValue)\"" }
        if style.wrapText { xml += " wrapText=\"1\"" }
        return xml + "/>"
    }

    /// The font of a look: Calibri 11, the theme's minor font, as in Excel's default workbook.
    private struct Font: Hashable {
        var bold: Bool
        var underline: Bool
        var colour: Colour?

        /// Children in the order of `CT_Font`'s sequence, which validators hold writers to.
        var xml: String {
            var xml = "<font>"
            if bold { xml += "<b/>" }
            if underline { xml += "<u/>" }
            xml += "<sz val=\"11\"/>"
            if let colour { xml += "<color rgb=\"\(colour.argb)\"/>" }
            return xml + "<name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>"
        }
    }

    private enum Fill: Hashable {
        case none, gray125
        case solid(Colour)

        var xml: String {
            switch self {
            case .none: "<fill><patternFill patternType=\"none\"/></fill>"
            case .gray125: "<fill><patternFill patternType=\"gray125\"/></fill>"
            case .solid(let colour):
                "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(colour.argb)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
            }
        }
    }

    /// Distinct values numbered in order of first use, after fixed first entries.
    private struct Numbering<Value: Hashable> {
        private(set) var entries: [Value] = []
        private var numbers: [Value: Int] = [:]

        init(first: [Value]) {
            for value in first { _ = number(for: value) }
        }

        mutating func number(for value: Value) -> Int {
            if let number = numbers[value] { return number }
            numbers[value] = entries.count
            entries.append(value)
            return entries.count - 1
        }
    }
}
