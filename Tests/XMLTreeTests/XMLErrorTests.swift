import Testing
import XMLTree

@Suite struct XMLErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let document: [UInt8]
        let error: XMLError

        init(_ document: String, _ reason: XMLError.Reason, _ line: Int, _ column: Int) {
            self.init(Array(document.utf8), reason, line, column)
        }

        init(_ document: [UInt8], _ reason: XMLError.Reason, _ line: Int, _ column: Int) {
            self.document = document
            error = XMLError(reason, line: line, column: column)
        }

        var testDescription: String { error.description }
    }

    static let markup: [Case] = [
        Case("<a>\n  <!-- never closed\n</a>", .unterminatedComment, 2, 3),
        Case("<a><!-- a -- b --></a>", .doubleHyphenInComment, 1, 11),
        Case("<a><!-- a ---></a>", .doubleHyphenInComment, 1, 11),
        Case("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>", .doctypeNotAllowed, 2, 1),
        Case(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n]>\n<lolz>&lol2;</lolz>",
            .doctypeNotAllowed, 2, 1),
        Case("<a><![CDATA[abc</a>", .unterminatedCDATA, 1, 4),
        Case("<![CDATA[x]]><a/>", .cdataOutsideRootElement, 1, 1),
        Case("<a>x]]>y</a>", .cdataEndInText, 1, 5),
        Case("<a><?pi data</a>", .unterminatedProcessingInstruction, 1, 4),
        Case("<a><?pi=?></a>", .expected("whitespace or '?>' after the target", found: "="), 1, 8),
        Case(" <?xml version=\"1.0\"?><a/>", .misplacedXMLDeclaration, 1, 2),
        Case("<a/><?xml version=\"1.0\"?>", .misplacedXMLDeclaration, 1, 5),
        Case("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", .unsupportedEncoding("ISO-8859-1"), 1, 30),
        Case("<?xml encoding=\"UTF-8\"?><a/>", .malformedXMLDeclaration, 1, 7),
        Case("<?xml?><a/>", .malformedXMLDeclaration, 1, 6),
        Case("<?xml version=\"2.0\"?><a/>", .malformedXMLDeclaration, 1, 15),
        Case("<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><a/>", .malformedXMLDeclaration, 1, 38),
        Case("<?xml version=\"1.0\"standalone=\"yes\"?><a/>", .malformedXMLDeclaration, 1, 20),
        Case("<?xml version=\"1.0\" standalone=\"maybe\"?><a/>", .malformedXMLDeclaration, 1, 32),
        Case("<?XML version=\"1.0\"?><a/>", .malformedXMLDeclaration, 1, 1),
        Case("<a><!ELEMENT a ANY></a>", .expected("a comment or CDATA section after '<!'", found: "E"), 1, 6),
    ]

    static let references: [Case] = [
        Case("<a>&nbsp;</a>", .unknownEntity("&nbsp;"), 1, 4),
        Case("<a>fish & chips</a>", .bareAmpersand, 1, 9),
        Case("<a>&amp</a>", .unterminatedReference("&amp"), 1, 4),
        Case("<a>&#0;</a>", .invalidCharacterReference("&#0;"), 1, 4),
        Case("<a>&#x1;</a>", .invalidCharacterReference("&#x1;"), 1, 4),
        Case("<a>&#xD800;</a>", .invalidCharacterReference("&#xD800;"), 1, 4),
        Case("<a>&#xFFFE;</a>", .invalidCharacterReference("&#xFFFE;"), 1, 4),
        Case("<a>&#x110000;</a>", .invalidCharacterReference("&#x110000;"), 1, 4),
        Case("<a>&#99999999999999999999;</a>", .invalidCharacterReference("&#99999999999999999999;"), 1, 4),
        Case("<a>&#;</a>", .malformedCharacterReference("&#;"), 1, 4),
        Case("<a>&#x;</a>", .malformedCharacterReference("&#x;"), 1, 4),
        Case("<a>&#X41;</a>", .malformedCharacterReference("&#X"), 1, 4),
        Case("<a>&#12a;</a>", .malformedCharacterReference("&#12a"), 1, 4),
        Case("<a x='&bogus;'/>", .unknownEntity("&bogus;"), 1, 7),
    ]

    static let encoding: [Case] = [
        Case([0x3C, 0x61, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x61, 0x3E], .invalidUTF8(byte: 0xC3), 1, 4),
        Case([0x3C, 0x61, 0x3E, 0xC0, 0xAF, 0x3C, 0x2F, 0x61, 0x3E], .invalidUTF8(byte: 0xC0), 1, 4),
        Case([0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E], .invalidUTF8(byte: 0xED), 1, 4),
        Case([0x3C, 0x61, 0x3E, 0xF4, 0x90, 0x80, 0x80, 0x3C, 0x2F, 0x61, 0x3E], .invalidUTF8(byte: 0xF4), 1, 4),
        Case([0x3C, 0x61, 0x3E, 0x0A, 0xFF, 0x3C, 0x2F, 0x61, 0x3E], .invalidUTF8(byte: 0xFF), 2, 1),
        Case([0x3C, 0x61, 0x3E, 0x80, 0x3C, 0x2F, 0x61, 0x3E], .invalidUTF8(byte: 0x80), 1, 4),
        Case([0x3C, 0x61, 0x3E, 0xE2, 0x82], .invalidUTF8(byte: 0xE2), 1, 4),
        Case("<a>\u{1}</a>", .forbiddenCharacter(0x1), 1, 4),
        Case("<a>ok</a>\u{0}", .forbiddenCharacter(0x0), 1, 10),
        Case("<a>\u{FFFE}</a>", .forbiddenCharacter(0xFFFE), 1, 4),
        Case("<a x='\u{FFFF}'/>", .forbiddenCharacter(0xFFFF), 1, 7),
        Case("<a>한국어 &bogus;</a>", .unknownEntity("&bogus;"), 1, 8),
        Case([0xEF, 0xBB, 0xBF] + Array("<a>&x;</a>".utf8), .unknownEntity("&x;"), 1, 4),
    ]

    static let tags: [Case] = [
        Case("<a x=\"1\" x='2'/>", .duplicateAttribute("x"), 1, 10),
        Case("<a xmlns:p='u' xmlns:q='v' p:x='1' q:x='2'/>", .duplicateAttribute("x"), 1, 36),
        Case("<a xmlns:p='u' xmlns:p='v'/>", .duplicateAttribute("xmlns:p"), 1, 16),
        Case("<a x=\"a<b\"/>", .lessThanInAttributeValue, 1, 8),
        Case("<a x=\"1\"y=\"2\"/>", .expected("whitespace, '>' or '/>'", found: "y"), 1, 9),
        Case("<a x/>", .expected("'=' after an attribute name", found: "/"), 1, 5),
        Case("<a x=1/>", .expected("a quoted attribute value", found: "1"), 1, 6),
        Case("<a x=\"1/>", .unterminatedAttributeValue, 1, 6),
        Case("<a / >", .expected("'>' after '/'", found: " "), 1, 5),
        Case("< a/>", .expected("a name", found: " "), 1, 2),
        Case("<1a/>", .expected("a name", found: "1"), 1, 2),
        Case("<a:b:c/>", .invalidQualifiedName("a:b:c"), 1, 2),
        Case("<a:/>", .invalidQualifiedName("a:"), 1, 2),
        Case("<a p:-x='1'/>", .invalidQualifiedName("p:-x"), 1, 4),
        Case("<a></a x>", .expected("'>' to close the end tag", found: "x"), 1, 8),
        Case("<a>\n  <b></c>\n</a>", .mismatchedEndTag(found: "c", expected: "b"), 2, 6),
        Case("<p:a xmlns:p='u'></a>", .mismatchedEndTag(found: "a", expected: "p:a"), 1, 18),
        Case("<a><b></b>", .unclosedElement("a"), 1, 1),
        Case("<a>\n<b>text", .unclosedElement("b"), 2, 1),
        Case("</a>", .unexpectedEndTag("a"), 1, 1),
        Case("<a/></a>", .unexpectedEndTag("a"), 1, 5),
    ]

    static let document: [Case] = [
        Case("", .noRootElement, 1, 1),
        Case("  <!-- only a comment -->\n", .noRootElement, 2, 1),
        Case("<a/>\nhello", .textOutsideRootElement, 2, 1),
        Case("hello<a/>", .textOutsideRootElement, 1, 1),
        Case("<a/>&amp;", .textOutsideRootElement, 1, 5),
        Case("<a/>\n<b/>", .multipleRootElements, 2, 1),
        Case("<a>\r\n\r\n<b></c></a>", .mismatchedEndTag(found: "c", expected: "b"), 3, 4),
        Case("<a>\r\r<b></c></a>", .mismatchedEndTag(found: "c", expected: "b"), 3, 4),
        Case("<a>\t<b></c></a>", .mismatchedEndTag(found: "c", expected: "b"), 1, 8),
    ]

    @Test(arguments: markup + references + encoding + tags + document)
    func refusesWithReasonAndPosition(_ test: Case) {
        #expect(throws: test.error) { try XMLDocument.parse(test.document) }
    }

    @Test func descriptionNamesLineColumnAndReason() {
        let error = #expect(throws: XMLError.self) { try XMLDocument.parse("<a>\n<b>\n  <!-- never closed\n</b></a>") }
        #expect(error?.description == "XML line 3, column 3: unterminated comment")
        let mismatched = XMLError(.mismatchedEndTag(found: "c", expected: "b"), line: 2, column: 6)
        #expect(mismatched.description == "XML line 2, column 6: end tag </c> does not match <b>")
        let control = XMLError(.forbiddenCharacter(0x1B), line: 1, column: 4)
        #expect(control.description == "XML line 1, column 4: character U+001B is not allowed in XML")
        let entity = XMLError(.unknownEntity("&nbsp;"), line: 1, column: 4)
        #expect(entity.description == "XML line 1, column 4: unknown entity '&nbsp;'")
        let invalid = XMLError(.invalidUTF8(byte: 0xC3), line: 1, column: 4)
        #expect(invalid.description == "XML line 1, column 4: invalid UTF-8 (byte 0xC3)")
        let lineBreak = XMLError(.expected("a name", found: "\n"), line: 1, column: 2)
        #expect(lineBreak.description == "XML line 1, column 2: expected a name, found '\\n'")
        let end = XMLError(.expected("'>'", found: ""), line: 1, column: 2)
        #expect(end.description == "XML line 1, column 2: expected '>', found the end of the input")
    }

    /// An error never carries more than 40 characters of the input, however long the offending part.
    @Test func quotesAtMostFortyCharactersOfInput() throws {
        let long = String(repeating: "가", count: 300)  // 900 bytes: under the name length limit
        let expectedExcerpt = String(repeating: "가", count: 40) + "…"
        let half = String(repeating: "가", count: 20) + "…"
        #expect(throws: XMLError(.unknownEntity("&" + String(repeating: "가", count: 39) + "…"), line: 1, column: 4)) {
            try XMLDocument.parse("<a>&\(long);</a>")
        }
        #expect(throws: XMLError(.unterminatedReference("&" + String(repeating: "가", count: 39) + "…"), line: 1, column: 4)) {
            try XMLDocument.parse("<a>&\(long)</a>")
        }
        #expect(throws: XMLError(.duplicateAttribute(expectedExcerpt), line: 1, column: 3 + 300 + 5 + 1)) {
            try XMLDocument.parse("<a \(long)='1' \(long)='2'/>")
        }
        #expect(throws: XMLError(.mismatchedEndTag(found: half, expected: half), line: 1, column: 303)) {
            try XMLDocument.parse("<\(long)></\(long)x>")
        }
        #expect(throws: XMLError(.unexpectedEndTag(expectedExcerpt), line: 1, column: 1)) { try XMLDocument.parse("</\(long)>") }
        #expect(throws: XMLError(.unclosedElement(expectedExcerpt), line: 1, column: 1)) { try XMLDocument.parse("<\(long)>") }
        #expect(throws: XMLError(.invalidQualifiedName("a:" + String(repeating: "가", count: 38) + "…"), line: 1, column: 2)) {
            try XMLDocument.parse("<a:\(long):b/>")
        }
        #expect(throws: XMLError(.malformedCharacterReference("&#x" + String(repeating: "A", count: 37) + "…"), line: 1, column: 4)) {
            try XMLDocument.parse("<a>&#x\(String(repeating: "A", count: 1000))</a>")
        }
        #expect(throws: XMLError(.invalidCharacterReference("&#" + String(repeating: "9", count: 38) + "…"), line: 1, column: 4)) {
            try XMLDocument.parse("<a>&#\(String(repeating: "9", count: 100_000));</a>")
        }
        #expect(throws: XMLError(.unsupportedEncoding(String(repeating: "x", count: 40) + "…"), line: 1, column: 30)) {
            try XMLDocument.parse("<?xml version=\"1.0\" encoding=\"\(String(repeating: "x", count: 500))\"?><a/>")
        }
    }
}
