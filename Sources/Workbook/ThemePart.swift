/// `xl/theme/theme1.xml`: the colours and fonts Excel's "Office" theme names. Excel writes a theme into
/// every workbook and validators expect one; the fonts part's `scheme="minor"` refers to it, and its
/// Korean (`Hang`) entries pick the font Korean Office uses for Hangul.
enum ThemePart {
    static let xml: String = {
        let colours = [
            ("dk1", "<a:sysClr val=\"windowText\" lastClr=\"000000\"/>"), ("lt1", "<a:sysClr val=\"window\" lastClr=\"FFFFFF\"/>"),
            ("dk2", rgb("44546A")), ("lt2", rgb("E7E6E6")), ("accent1", rgb("4472C4")), ("accent2", rgb("ED7D31")),
            ("accent3", rgb("A5A5A5")), ("accent4", rgb("FFC000")), ("accent5", rgb("5B9BD5")), ("accent6", rgb("70AD47")),
            ("hlink", rgb("0563C1")), ("folHlink", rgb("954F72")),
        ]
        let placeholderFill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        func font(_ latin: String) -> String {
            "<a:latin typeface=\"\(latin)\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/><a:font script=\"Hang\" typeface=\"맑은 고딕\"/>"
        }
        // A format scheme needs at least three entries in each list; plain ones, since cells use none of them.
        func three(_ entry: String) -> String { String(repeating: entry, count: 3) }
        return PackageLayout.xmlDeclaration
            + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\"><a:themeElements>"
            + "<a:clrScheme name=\"Office\">" + colours.map { "<a:\($0)>\($1)</a:\($0)>" }.joined() + "</a:clrScheme>"
            + "<a:fontScheme name=\"Office\"><a:majorFont>" + font("Calibri Light") + "</a:majorFont>"
            + "<a:minorFont>" + font("Calibri") + "</a:minorFont></a:fontScheme>"
            + "<a:fmtScheme name=\"Office\">"
            + "<a:fillStyleLst>" + three(placeholderFill) + "</a:fillStyleLst>"
            + "<a:lnStyleLst>" + three("<a:ln w=\"6350\">" + placeholderFill + "</a:ln>") + "</a:lnStyleLst>"
            + "<a:effectStyleLst>" + three("<a:effectStyle><a:effectLst/></a:effectStyle>") + "</a:effectStyleLst>"
            + "<a:bgFillStyleLst>" + three(placeholderFill) + "</a:bgFillStyleLst>"
            + "</a:fmtScheme></a:themeElements></a:theme>"
    }()

    private static func rgb(_ hex: String) -> String { "<a:srgbClr val=\"\(hex)\"/>" }
}
