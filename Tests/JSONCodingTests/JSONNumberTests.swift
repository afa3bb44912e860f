import JSONCoding
import Testing

/// Numbers kept as written: what AWS answers need for ids and decimal text `Double` would round.
@Suite struct JSONNumberTests {
    @Test func theDocumentsSpellingIsHandedOverAndWrittenBackVerbatim() throws {
        let text = #"{"big":12345678901234567890.123456789,"exp":-1.5E+300,"int":-0,"small":1e-400}"#
        let numbers = try JSONDecoding().decode([String: JSONNumber].self, from: Array(text.utf8))
        #expect(numbers["big"]?.text == "12345678901234567890.123456789")
        #expect(numbers["exp"]?.text == "-1.5E+300")
        #expect(numbers["small"]?.text == "1e-400")
        #expect(String(decoding: try JSONEncoding().encode(numbers), as: UTF8.self) == text)
    }

    @Test(arguments: ["01", "+1", ".5", "1.", "1e", "NaN", "Infinity", "1 ", " 1", "", "0x10", "1_000", "[1]", "\"1\""])
    func textOutsideTheGrammarIsNotANumber(text: String) {
        #expect(JSONNumber(text) == nil)
    }

    @Test func onlyNumbersDecodeAsNumbers() {
        for text in [#""12""#, "true", "null", "[1]", #"{"a":1}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoding().decode(JSONNumber.self, from: Array(text.utf8)) }
        }
    }
}
