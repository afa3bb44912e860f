import Foundation
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

    @Test(arguments: ["01", "+1", ".5", "1.", "1e", "1e+", "-", "NaN", "Infinity", "1 ", " 1", "\u{FEFF}1", "", "0x10", "1_000", "[1]", "\"1\""])
    func textOutsideTheGrammarIsNotANumber(text: String) {
        #expect(JSONNumber(text) == nil)
    }

    @Test(arguments: [
        ("1.602010811E9", "1602010811"), ("3.0", "3"), ("-0", "0"), ("-0.0e5", "0"), ("2.50E-1", "0.25"), ("1e-3", "0.001"),
        ("-12.3400", "-12.34"), ("0.000", "0"), ("120e-1", "12"), ("12345678901234567890123", "12345678901234567890123"),
        ("9.99e+2", "999"), ("1e1001", "1e1001"), ("10", "10"),
    ])
    func plainDecimalTextShiftsDigitsWithoutRounding(text: String, plain: String) throws {
        #expect(try #require(JSONNumber(text)).plainDecimalText == plain)
    }

    /// Through a coder that knows nothing of the type: integers of every width, finite doubles only.
    @Test func otherCodersSeeAnIntegerOrAFiniteDouble() throws {
        #expect(try JSONDecoder().decode(JSONNumber.self, from: Data("18446744073709551615".utf8)).text == "18446744073709551615")
        #expect(try JSONDecoder().decode(JSONNumber.self, from: Data("-1.5".utf8)).text == "-1.5")
        #expect(String(decoding: try JSONEncoder().encode(JSONNumber("18446744073709551615")), as: UTF8.self) == "18446744073709551615")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONNumber.self, from: Data("1e400".utf8)) }
    }

    @Test func onlyNumbersDecodeAsNumbers() {
        for text in [#""12""#, "true", "null", "[1]", #"{"a":1}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoding().decode(JSONNumber.self, from: Array(text.utf8)) }
        }
    }
}
