import Testing
import XMLTree

@Suite struct XMLEscapingTests {
    static let hostile: [String] = [
        "<script>alert('x')</script>",
        "]]>",
        "<![CDATA[ nested ]]> &amp; <!-- comment -->",
        "a\u{0}b\u{1}c\u{8}\u{B}\u{C}\u{1B}\u{1F}d",
        "\u{FFFE}\u{FFFF}kept\u{FFFD}\u{FFEF}\u{FF01}",
        "emoji 🚀 👩‍👩‍👧 🇰🇷 ✔︎",
        "한국어 텍스트, 운영팀",
        "tab\there\nnewline\r\ncrlf\rcr  trailing  ",
        "&amp; &#0; &lt; already escaped",
        "\"double\" and 'single' quotes",
        "<\u{301} a combining mark after a replaced character",
        "\u{7F}\u{80}\u{9F} are characters XML 1.0 allows",
        "",
    ]

    /// What parsing the escaped value gives: the value less the characters XML 1.0 cannot carry.
    private func writable(_ value: String) -> String {
        var result = ""
        result.unicodeScalars.append(
            contentsOf: value.unicodeScalars.filter { scalar in
                scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r"
            }.filter { $0.value != 0xFFFE && $0.value != 0xFFFF })
        return result
    }

    @Test(arguments: hostile)
    func textRoundTrips(_ value: String) throws {
        let element = try XMLDocument.parse("<a>" + XMLEscaping.text(value) + "</a>")
        #expect(element.text == writable(value))
        #expect(element.children.isEmpty)
    }

    @Test(arguments: hostile)
    func attributeRoundTripsInEitherQuote(_ value: String) throws {
        let escaped = XMLEscaping.attribute(value)
        let element = try XMLDocument.parse("<a double=\"\(escaped)\" single='\(escaped)'/>")
        #expect(element.attributes == ["double": writable(value), "single": writable(value)])
    }

    @Test(arguments: hostile)
    func appendingEqualsEscaping(_ value: String) {
        var text = "<p>"
        XMLEscaping.append(text: value, to: &text)
        #expect(text == "<p>" + XMLEscaping.text(value))
        var attribute = "x=\""
        XMLEscaping.append(attribute: value, to: &attribute)
        #expect(attribute == "x=\"" + XMLEscaping.attribute(value))
    }

    @Test func escapesExactlyWhatEachContextNeeds() {
        #expect(XMLEscaping.text("a<b>&c\"d'e\tf\ng\rh") == "a&lt;b&gt;&amp;c\"d'e\tf\ng&#13;h")
        #expect(XMLEscaping.attribute("a<b>&c\"d'e\tf\ng\rh") == "a&lt;b&gt;&amp;c&quot;d&apos;e&#9;f&#10;g&#13;h")
        #expect(XMLEscaping.text("x\u{0}y\u{FFFF}z") == "xyz")
        #expect(XMLEscaping.text("plain 한국어 🚀") == "plain 한국어 🚀")
    }

    @Test func randomStringsRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x5EED_0E5C)
        let alphabet: [Unicode.Scalar] = [
            "a", "<", ">", "&", "\"", "'", ";", "#", "]", "\t", "\n", "\r", " ", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
            "\u{85}", "\u{301}", "\u{200D}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{10000}",
            "\u{1F680}", "\u{10FFFF}", "가", "힣",
        ]
        for _ in 0..<2_000 {
            var value = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                value.unicodeScalars.append(alphabet.randomElement(using: &generator)!)
            }
            let text = try XMLDocument.parse("<a>" + XMLEscaping.text(value) + "</a>").text
            let attribute = try XMLDocument.parse("<a v=\"" + XMLEscaping.attribute(value) + "\"/>").attributes["v"]
            #expect(text == writable(value))
            #expect(attribute == writable(value))
        }
    }

    /// One growing string taking many small appends, as a workbook writer uses it.
    @Test func appendsManyCellsToOneString() {
        var sheet = ""
        for row in 0..<100_000 {
            sheet += "<c><v>"
            XMLEscaping.append(text: "row \(row) & <value> 한국어", to: &sheet)
            sheet += "</v></c>"
        }
        #expect(sheet.hasSuffix("<c><v>row 99999 &amp; &lt;value&gt; 한국어</v></c>"))
    }
}
