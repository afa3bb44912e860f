import HTTPCore
import Testing

/// Byte-wise search and replace, used where `_StringProcessing` would otherwise be linked into a function.
@Suite struct StringSearchingTests {
    @Test func findsTextAnywhereIncludingAtTheEdges() {
        #expect("[TEST] disk full".containsText("[TEST]"))
        #expect("disk full [TEST]".containsText("[TEST]"))
        #expect("a/../b".containsText(".."))
        #expect(!"a/./b".containsText(".."))
        #expect(!"[TES".containsText("[TEST]"))
        #expect("anything".containsText(""))
        #expect("한글 경보".containsText("경보"))
    }

    /// A combining mark after the match does not hide it: bytes are compared, not grapheme clusters.
    @Test func aCombiningMarkDoesNotHideAMatch() {
        #expect("a|\u{301}b".containsText("|"))
        #expect("a|\u{301}b".replacingText("|", with: "%7C") == "a%7C\u{301}b")
    }

    @Test func replacesEveryOccurrenceLeftToRightWithoutOverlap() {
        #expect("a%20b%20%20c".replacingText("%20", with: "+") == "a+b++c")
        #expect("aaaa".replacingText("aa", with: "b") == "bb")
        #expect("aaa".replacingText("aa", with: "b") == "ba")
        #expect("x|y|".replacingText("|", with: "%7C") == "x%7Cy%7C")
        #expect("none".replacingText("|", with: "%7C") == "none")
        #expect("keep".replacingText("", with: "x") == "keep")
        #expect("".replacingText("a", with: "b") == "")
    }
}
