@testable import DatadogAsCode
import Testing

/// The reader is strict where Python's `json` and Datadog disagree or a file could mean two things, and the
/// writer writes what `json.dumps(indent=2, sort_keys=True, ensure_ascii=False)` writes.
@Suite struct JSONTreeTests {
    func parse(_ text: String) throws -> JSONTree { try JSONTree(parsing: Array(text.utf8)) }

    /// `repr` of each value, as Python 3.11 printed it.
    @Test func doublesAreWrittenAsPythonsRepr() throws {
        let cases: [(String, String)] = [
            ("1.0", "1.0"), ("100.0", "100.0"), ("1E2", "100.0"), ("0.1", "0.1"), ("1e16", "1e+16"), ("1e15", "1000000000000000.0"),
            ("1e-5", "1e-05"), ("0.0001", "0.0001"), ("1.5e300", "1.5e+300"), ("5e-324", "5e-324"), ("-0.0", "-0.0"),
            ("123456789.123", "123456789.123"), ("1e22", "1e+22"), ("2.5e-7", "2.5e-07"), ("0.30000000000000004", "0.30000000000000004"),
            ("9007199254740993.0", "9007199254740992.0"), ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("12345678901234567.0", "1.2345678901234568e+16"),
        ]
        for (input, python) in cases {
            #expect(try parse(input).indentedText == python, "\(input)")
        }
    }

    @Test func integersStayWholeAtAnySize() throws {
        #expect(try parse("123456789012345678901234567890") == .integer("123456789012345678901234567890"))
        #expect(try parse("-0") == .integer("0"))
        #expect(try parse("-42").indentedText == "-42")
    }

    @Test func textIsUTF8WithOnlyQuotesBackslashesAndControlsEscaped() throws {
        let tree = try parse(#""a\"b\\c\/d\n\r\t\b\f\u0001\u001f\u007f é 한글 \ud83d\ude00 \u2028 <script>""#)
        #expect(tree.indentedText == "\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u001f\u{7F} é 한글 😀 \u{2028} <script>\"")
    }

    @Test func objectsAreIndentedWithSortedKeysAndEmptyOnesStayShort() throws {
        let tree = try parse(#"{"b": [1, {"d": {}, "c": []}], "a": null, "B": true}"#)
        #expect(tree.indentedText == """
            {
              "B": true,
              "a": null,
              "b": [
                1,
                {
                  "c": [],
                  "d": {}
                }
              ]
            }
            """)
    }

    /// Code-point order: a composed `é` (U+00E9) sorts after `z`, a decomposed one (`e` + U+0301) after `e`;
    /// they are two keys, not one.
    @Test func keysAreOrderedAndComparedByCodePoints() throws {
        let tree = try parse(#"{"\u00e9": 1, "z": 2, "e\u0301": 3, "Z": 4}"#)
        #expect(tree.members?.count == 4)
        #expect(tree.indentedText == "{\n  \"Z\": 4,\n  \"e\u{301}\": 3,\n  \"z\": 2,\n  \"\u{E9}\": 1\n}")
    }

    @Test(arguments: [
        #"{"a": 1, "a": 2}"#, "[1, 2,]", "{\"a\": 1,}", "NaN", "Infinity", "[1e400]", "01", "-", "1.", ".5", "1e", "\"\\ud800\"",
        "\"\\ud800\\u0041\"", "\"\\udc00\"", "\"a\nb\"", "\"\\x\"", "[1] [2]", "", "   ", "{'a': 1}", "[1, 2", "\"abc", "tru", "// c\n{}",
    ])
    func malformedTextIsRefused(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONTree(parsing: Array(text.utf8)) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONSyntaxError.self) { try JSONTree(parsing: [0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONTree(parsing: [0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: JSONTree.maximumDepth + 1) + String(repeating: "]", count: JSONTree.maximumDepth + 1)
        #expect(throws: JSONSyntaxError.self) { try JSONTree(parsing: Array(deep.utf8)) }
        let fine = String(repeating: "[", count: JSONTree.maximumDepth) + String(repeating: "]", count: JSONTree.maximumDepth)
        #expect(try JSONTree(parsing: Array(fine.utf8)) != .null)
    }

    @Test func theErrorSaysWhere() {
        #expect(throws: JSONSyntaxError(offset: 9, reason: "duplicate key \"a\"")) { try JSONTree(parsing: Array(#"{"a": 1, "a": 2}"#.utf8)) }
    }
}
