import Testing
import XMLTree

@testable import Workbook

/// Whatever text a resource carries (tag values, names, policies), every part stays well-formed XML
/// and the text comes back as given, less only the control characters XML 1.0 cannot carry.
@Suite struct HostileTextTests {
    private func reader(_ rows: [[Cell]], name: String = "Data", hyperlinks: [Hyperlink] = []) throws -> PackageReader {
        try PackageReader(Workbook(sheets: [try Sheet(name: name, rows: rows, hyperlinks: hyperlinks)], properties: .sample))
    }

    @Test func textComesBackAsGiven() throws {
        let texts = [
            "<script>alert('x')</script>", "]]>", "a ]]> b <![CDATA[ c", "&amp; is not &", "\"double\" and 'single'",
            "웹 서버 운영팀", "🚀 👩‍💻 🇰🇷", "line one\nline two", "crlf\r\nend", "tab\tstop", "\u{FFFD} replacement",
            "emoji at the end 😀", "𝄞 outside the BMP",
        ]
        let reader = try reader([texts.map { .text($0) }])
        for (column, text) in texts.enumerated() {
            #expect(try reader.string(CellReference(row: 1, column: column + 1).a1) == text)
        }
    }

    @Test func controlCharactersXMLCannotCarryAreDropped() throws {
        let reader = try reader([[.text("bell\u{7}, nul\u{0}, escape\u{1B}, form feed\u{C}, \u{FFFE}\u{FFFF}end")]])
        #expect(try reader.string("A1") == "bell, nul, escape, form feed, end")
    }

    @Test func formulaLookingTextStaysText() throws {
        let reader = try reader([["=1+2", "=cmd|' /C calc'!A0", "+SUM(A1)", "-1", "@A1"].map { .text($0) }])
        for column in 1...5 {
            let cell = try #require(try reader.cell(CellReference(row: 1, column: column).a1))
            #expect(cell.attributes["t"] == "s")
            #expect(cell.child("f") == nil)
        }
        #expect(try reader.string("A1") == "=1+2")
        #expect(try reader.string("B1") == "=cmd|' /C calc'!A0")
    }

    @Test func literalEscapeSequencesAreThemselvesEscaped() throws {
        #expect(EscapedUnicodeText.escaped("_x0041_") == "_x005F_x0041_")
        #expect(EscapedUnicodeText.escaped("_x1234_x5678_") == "_x005F_x1234_x005F_x5678_")
        #expect(EscapedUnicodeText.escaped("_xabCD_ and _x00zz_ and a_b and _x123_") == "_x005F_xabCD_ and _x00zz_ and a_b and _x123_")
        #expect(EscapedUnicodeText.escaped("snake_case_name") == "snake_case_name")
        let reader = try reader([[.text("_x0041_ literal")]])
        #expect(try reader.string("A1") == "_x005F_x0041_ literal")
    }

    @Test func spacesAtTheEndsAreKept() throws {
        let reader = try reader([[.text("  padded  "), .text("inner  spaces")]])
        let items = try reader.part("xl/sharedStrings.xml").children(named: "si")
        #expect(items[0].child("t")?.attributes["space"] == "preserve")
        #expect(items[0].child("t")?.text == "  padded  ")
        #expect(items[1].child("t")?.attributes["space"] == nil)
    }

    /// `String`'s `==` treats these as equal; the file must not, or one cell would show the other's bytes.
    @Test func canonicallyEquivalentTextsStayDistinct() throws {
        let composed = "한글 é"
        let decomposed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF} e\u{301}"
        #expect(composed == decomposed)
        let reader = try reader([[.text(composed), .text(decomposed), .text(composed)]])
        let strings = try reader.sharedStrings()
        #expect(strings.count == 2)
        #expect(Array(strings[0].utf8) == Array(composed.utf8))
        #expect(Array(strings[1].utf8) == Array(decomposed.utf8))
        #expect(try reader.cell("C1")?.child("v")?.text == "0")
    }

    @Test func namesFormulasLinksAndPropertiesAreEscaped() throws {
        let name = "R&D <\"test\"> it's"
        let formula = try Formula("=IF(A1<5,\"a&b\",\"c>d\")", cachedValue: .text("a&b <x> ]]>"))
        let link = Hyperlink(
            cell: try CellReference("B1"), target: .cell(sheet: name, try CellReference("A1")), tooltip: "\"<tip>\" & 'more'")
        let web = Hyperlink(cell: try CellReference("C1"), target: .url("https://example.com/?a=1&b=\"2\"<3>"))
        let workbook = Workbook(
            sheets: [try Sheet(name: name, rows: [[.formula(formula)]], autoFilter: try CellRange("A1:C1"), hyperlinks: [link, web])],
            properties: DocumentProperties(
                title: "<title> & \"more\"", creator: "운영팀 <ops@example.com>", created: DocumentProperties.sample.created))
        let reader = try PackageReader(workbook)
        #expect(try reader.part("xl/workbook.xml").child("sheets")?.child("sheet")?.attributes["name"] == name)
        #expect(try reader.part("xl/workbook.xml").child("definedNames")?.child("definedName")?.text == "'R&D <\"test\"> it''s'!$A$1:$C$1")
        let cell = try #require(try reader.cell("A1"))
        #expect(cell.child("f")?.text == "IF(A1<5,\"a&b\",\"c>d\")")
        #expect(cell.child("v")?.text == "a&b <x> ]]>")
        #expect(cell.attributes["t"] == "str")
        let links = try reader.worksheet(1).child("hyperlinks")?.children(named: "hyperlink") ?? []
        #expect(links[0].attributes["location"] == "'R&D <\"test\"> it''s'!A1")
        #expect(links[0].attributes["tooltip"] == "\"<tip>\" & 'more'")
        let relationship = try reader.part("xl/worksheets/_rels/sheet1.xml.rels").child("Relationship")
        #expect(relationship?.attributes["Target"] == "https://example.com/?a=1&b=%222%22%3C3%3E")
        #expect(relationship?.attributes["TargetMode"] == "External")
        #expect(try reader.part("docProps/core.xml").child("title")?.text == "<title> & \"more\"")
        #expect(try reader.part("docProps/core.xml").child("creator")?.text == "운영팀 <ops@example.com>")
    }

    @Test func webAddressesArePercentEncodedOnlyWhereAURIMustBe() {
        #expect(Hyperlink.uriEncoded("https://example.com/a-b_c.d~e?x=1&y=%20#frag") == "https://example.com/a-b_c.d~e?x=1&y=%20#frag")
        #expect(Hyperlink.uriEncoded("https://example.com/운영 팀") == "https://example.com/%EC%9A%B4%EC%98%81%20%ED%8C%80")
        #expect(Hyperlink.uriEncoded("https://x/{a}|b^c`d\\e") == "https://x/%7Ba%7D%7Cb%5Ec%60d%5Ce")
    }
}
