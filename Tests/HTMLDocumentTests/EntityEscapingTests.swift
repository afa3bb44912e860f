import HTMLDocument
import Testing

/// The escaping that HTML pages and Slack text share (Slack without quotes), on the inputs that once slipped through.
@Suite struct EntityEscapingTests {
    @Test func theFiveCharactersAreEscapedForHTMLAndThreeForSlack() {
        #expect(HTMLText.escape(#"<a href="x">'&amp;'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;")
        #expect(EntityEscaping.escape(#"<!channel> "x" & 'y'"#, quotes: false) == #"&lt;!channel&gt; "x" &amp; 'y'"#)
    }

    /// `"` + U+0301 is a single `Character`; compared as characters it is not a quote, but an HTML parser
    /// reads the quote and closes the attribute there.
    @Test func aCombiningMarkDoesNotHideAQuoteOrABracket() {
        #expect(HTMLText.escape("x\"\u{301} onmouseover=alert(1) ") == "x&quot;\u{301} onmouseover=alert(1) ")
        #expect(HTMLText.escape("<\u{301}script>") == "&lt;\u{301}script&gt;")
        #expect(EntityEscaping.escape("&\u{301}<\u{20DD}!here>", quotes: false) == "&amp;\u{301}&lt;\u{20DD}!here&gt;")
    }

    @Test func otherTextIsKeptWhole() {
        #expect(HTMLText.escape("한글 🇰🇷 é") == "한글 🇰🇷 é")
        #expect(HTMLText.escape("abc"[...].dropFirst()) == "bc")
        #expect(HTMLText.escape("") == "")
    }
}
