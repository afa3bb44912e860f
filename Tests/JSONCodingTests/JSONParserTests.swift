import JSONCoding
import Testing

/// RFC 8259 acceptance, seen through the public decoder: what parses, what does not, and what the
/// syntax errors say.
@Suite struct JSONParserTests {
    private func parses(_ text: String) -> Bool {
        parses(Array(text.utf8))
    }

    private func parses(_ bytes: [UInt8]) -> Bool {
        (try? JSONDecoding().decode(JSONValue.self, from: bytes)) != nil
    }

    private func syntaxError(_ bytes: [UInt8]) -> String? {
        do {
            _ = try JSONDecoding().decode(JSONValue.self, from: bytes)
            return nil
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.codingPath.isEmpty)
            return context.debugDescription
        } catch {
            Issue.record("not a syntax error: \(error)")
            return nil
        }
    }

    @Test(arguments: [
        "0", "-0", "1.5", "-1.5e-3", "1E+2", "1e01", "true", "false", "null", "\"\"", "[]", "{}", " \t\r\n[ 1 , 2 ] \n",
        #"{"a":{"b":[{},[]]}}"#, #""\"\\\/\b\f\n\r\t\u0041\u00e9\ud83d\ude00""#, "\"\u{7F}\u{2028}é😀\"",
        #""\u0000""#, #""\uDBFF\uDFFF""#,
    ])
    func acceptsValidJSON(text: String) {
        #expect(parses(text), "\(text)")
    }

    @Test(arguments: [
        "", " ", "[1,]", #"{"a":1,}"#, "[,1]", "// c\n1", "/* c */1", "01", "-01", "00", "-", "1.", "1.e5", "1e", "1e+",
        ".5", "+1", "NaN", "Infinity", "-Infinity", "'a'", "[1 2]", #"{"a" 1}"#, "{a:1}", #"{"a":1 "b":2}"#, "1 2", "[1]x",
        "tru", "nul", "True", "[", "{", "]", "\"abc", #""a\""#, "0x10", "\u{C}1", "\u{A0}1", #"{"a"}"#, #"{1:2}"#,
        "\"a\tb\"", "\"a\nb\"", #""\x""#, #""\'""#, #""\u12""#, #""\u12G4""#, #""\ud800""#, #""\udc00""#,
        #""\ud800\u0041""#, #""\ud800\ud800""#, #""\ud83dx""#, "[1]]", "{}}",
    ])
    func rejectsInvalidJSON(text: String) {
        #expect(!parses(text), "\(text)")
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xC0, 0x80, 0x22], [0x22, 0xE0, 0x80, 0x80, 0x22],
        [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22],
        [0x22, 0xE2, 0x82, 0x22], [0x22, 0x80, 0x22],
    ] as [[UInt8]])
    func rejectsInvalidUTF8(bytes: [UInt8]) {
        #expect(!parses(bytes))
    }

    @Test func nulBytesAreRejectedEverywhere() {
        // Foundation would read `31 00` as UTF-16LE "1"; only UTF-8 is accepted here.
        #expect(!parses([0x31, 0x00]))
        #expect(!parses([0x22, 0x61, 0x00, 0x62, 0x22]))
        #expect(!parses([0x00, 0x5B, 0x00, 0x5D]))
        #expect(!parses([0x5B, 0x31, 0x2C, 0x00, 0x5D]))
    }

    @Test func aLeadingUTF8ByteOrderMarkIsIgnoredAsInFoundation() throws {
        #expect(try JSONDecoding().decode(String.self, from: [0xEF, 0xBB, 0xBF, 0x22, 0x61, 0x22]) == "a")
        #expect(!parses([0x20, 0xEF, 0xBB, 0xBF, 0x31]))
        #expect(!parses([0xFF, 0xFE, 0x31, 0x00]))
    }

    @Test func syntaxErrorsGiveTheOffsetAndWhatWasExpected() throws {
        #expect(syntaxError(Array("[1,]".utf8)) == "The given data was not valid JSON: expected a value (a trailing comma is not JSON) at byte offset 3, found ']'.")
        #expect(syntaxError(Array("[1 2]".utf8)) == "The given data was not valid JSON: expected ',' or ']' after an array element at byte offset 3, found '2'.")
        #expect(syntaxError(Array(#"{"a" 1}"#.utf8)) == "The given data was not valid JSON: expected ':' after an object key at byte offset 5, found '1'.")
        #expect(syntaxError([]) == "The given data was not valid JSON: the input is empty at byte offset 0, found the end of the data.")
        #expect(syntaxError(Array("012".utf8)) == "The given data was not valid JSON: a number may not have leading zeros at byte offset 1.")
        #expect(syntaxError([0x22, 0x61, 0xFF, 0x22]) == "The given data was not valid JSON: invalid UTF-8 at byte offset 2, found byte 0xFF.")
        #expect(syntaxError(Array("[1] x".utf8)) == "The given data was not valid JSON: unexpected data after the top-level value at byte offset 4, found 'x'.")
    }

    @Test func syntaxErrorsNeverEchoTheInput() throws {
        let secret = "sk_live_" + String(repeating: "A", count: 64)
        let message = try #require(syntaxError(Array("{\"token\":\"\(secret)\" junk}".utf8)))
        #expect(!message.utf8.elementsEqual(secret.utf8) && message.utf8.count < 160)
        #expect(message.utf8.firstIndex(of: UInt8(ascii: "A")) == nil)
    }

    @Test func depthIsLimitedToFoundationsFiveHundredTwelve() throws {
        func nested(_ depth: Int, open: String = "[", close: String = "]") -> [UInt8] {
            Array((String(repeating: open, count: depth) + String(repeating: close, count: depth)).utf8)
        }
        #expect(parses(nested(512)))
        #expect(!parses(nested(513)))
        let objects = Array((String(repeating: #"{"a":"#, count: 511) + "{}" + String(repeating: "}", count: 511)).utf8)
        #expect(parses(objects))
        let message = try #require(syntaxError(nested(513)))
        #expect(message == "The given data was not valid JSON: arrays and objects nest deeper than the maximum depth of 512 at byte offset 512.")
    }
}
