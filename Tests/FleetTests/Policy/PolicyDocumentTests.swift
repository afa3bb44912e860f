import Testing

@testable import Fleet

/// Policy files as operators write them, in YAML or JSON: the tree they make, and every refusal with its line.
@Suite struct PolicyDocumentTests {
    private func node(_ value: PolicyNode.Value) -> PolicyNode { PolicyNode(value, at: SourcePosition(line: 1, column: 1)) }
    private func string(_ text: String) -> PolicyNode { node(.string(text)) }
    private func map(_ entries: [(String, PolicyNode)]) -> PolicyNode {
        node(.map(entries.map { PolicyNode.Entry(key: $0.0, keyPosition: SourcePosition(line: 1, column: 1), value: $0.1) }))
    }
    private func list(_ items: [PolicyNode]) -> PolicyNode { node(.list(items)) }

    private func parseError(_ text: String, name: String = "policy.yaml") -> PolicyError? {
        do {
            _ = try PolicyDocument.parse(text, name: name)
            return nil
        } catch {
            return error
        }
    }

    private func entries(_ node: PolicyNode) -> [PolicyNode.Entry] {
        guard case .map(let entries) = node.value else { return [] }
        return entries
    }

    // MARK: YAML

    @Test func yamlBlocksFlowsAndScalars() throws {
        let text = """
            # a comment before the start marker
            --- # and one after it

            name: argos   # trailing comment
            plain: a#b and c:d
            quoted: "x # not a comment"
            single: 'it''s'
            escapes: "tab\\there \\u00e9 \\U0001F600 \\x41 \\"q\\" \\\\"
            empty:
            tilde: ~
            yes: true
            no: False
            count: 12
            ratio: -1.5e3
            text: 1.2.3
            korean: 한글-1
            list:
              - a
              - 'b'
            compact:
            - one
            - two
            items:
              - key: 1
                other: [x, "y, z", 'w']
              -
                nested: {a: 1, b: [2, 3], "c d": null}
              - - inner
                - more
            flow: {}
            empty-list: []
            """
        let document = try PolicyDocument.parse(text, name: "p.yaml")
        let expected = map([
            ("name", string("argos")), ("plain", string("a#b and c:d")), ("quoted", string("x # not a comment")), ("single", string("it's")),
            ("escapes", string("tab\there é 😀 A \"q\" \\")), ("empty", node(.null)), ("tilde", node(.null)), ("yes", node(.bool(true))),
            ("no", node(.bool(false))), ("count", node(.number("12"))), ("ratio", node(.number("-1.5e3"))), ("text", string("1.2.3")),
            ("korean", string("한글-1")), ("list", list([string("a"), string("b")])), ("compact", list([string("one"), string("two")])),
            (
                "items",
                list([
                    map([("key", node(.number("1"))), ("other", list([string("x"), string("y, z"), string("w")]))]),
                    map([("nested", map([("a", node(.number("1"))), ("b", list([node(.number("2")), node(.number("3"))])), ("c d", node(.null))]))]),
                    list([string("inner"), string("more")]),
                ])
            ),
            ("flow", map([])), ("empty-list", list([])),
        ])
        #expect(document == expected)
    }

    @Test func positionsPointAtLinesAndColumns() throws {
        let document = try PolicyDocument.parse("a: 1\nb:\n  - 한글: [x, yy]\n", name: "p.yaml")
        let b = try #require(entries(document).last)
        #expect(b.keyPosition == SourcePosition(line: 2, column: 1))
        guard case .list(let items) = b.value.value, case .map(let inner) = items[0].value, case .list(let flow) = inner[0].value.value else {
            Issue.record("unexpected shape")
            return
        }
        #expect(inner[0].keyPosition == SourcePosition(line: 3, column: 5))
        #expect(flow[1].position == SourcePosition(line: 3, column: 13))
    }

    @Test func crlfLineEndsAndAByteOrderMarkAreAccepted() throws {
        let document = try PolicyDocument.parse("\u{FEFF}a: 1\r\nb:\r\n  - x\r\n", name: "p.yaml")
        #expect(document == map([("a", node(.number("1"))), ("b", list([string("x")]))]))
    }

    @Test(arguments: [
        ("a: 1\nb:\n\t- x\n", 3, "tabs for indentation are not supported in policy files"),
        ("a:\n  - \tx\n", 2, "tabs for indentation are not supported in policy files"),
        ("a: &anchor 1\n", 1, "anchors (&) are not supported in policy files"),
        ("a: 1\nb: *anchor\n", 2, "aliases (*) are not supported in policy files"),
        ("a: 1\n&k b: 2\n", 2, "anchors (&) are not supported in policy files"),
        ("a:\n  - !t b: 2\n", 2, "tags (!) are not supported in policy files"),
        ("x: {a: 1, *k : 2}\n", 1, "aliases (*) are not supported in policy files"),
        ("a: !!str 1\n", 1, "tags (!) are not supported in policy files"),
        ("a: [!x]\n", 1, "tags (!) are not supported in policy files"),
        ("a: |\n  text\n", 1, "block scalars (| and >) are not supported in policy files"),
        ("a: >\n  text\n", 1, "block scalars (| and >) are not supported in policy files"),
        ("---\na: 1\n---\nb: 2\n", 3, "several documents in one file (a second ---) are not supported in policy files"),
        ("a: 1\n...\n", 2, "the end-of-document marker (...) is not supported in policy files"),
        ("%YAML 1.2\n---\na: 1\n", 1, "directives (%YAML, %TAG) are not supported in policy files"),
        ("? a\n: 1\n", 1, "complex keys (?) are not supported in policy files"),
        ("a: 1\nb: 2\na: 3\n", 3, "\"a\" appears twice (first on line 1)"),
        ("a: {x: 1, x: 2}\n", 1, "\"x\" appears twice (first on line 1)"),
        ("a:\n    b: 1\n  c: 2\n", 3, "bad indentation: 2 spaces, which lines up with no block above (the block around it has 0)"),
        ("a: 1\n  b: 2\n", 2, "bad indentation: \"a\" has its value on line 1, so nothing can be nested under it"),
        ("  a: 1\nb: 2\n", 2, "bad indentation: 0 spaces, which lines up with no block above (the block around it has 2)"),
        ("a:\n  - x\n  y: 1\n", 3, "expected a list item ('- ') like the lines above"),
        ("a: 1\n- x\n", 2, "a list item where a key of the map above was expected"),
        ("a: 1\nb\n", 2, "expected 'key: value' like the lines above"),
        ("a: 1\nb:2\n", 2, "expected 'key: value' like the lines above (a blank must follow ':')"),
        ("version:1\nscope: x\n", 1, "expected 'key: value' (a blank must follow ':')"),
        ("a:\n  first line\n  second line\n", 2, "more lines follow a value alone on its line"),
        ("a: b: c\n", 1, "': ' inside a value: quote the value, or start a nested map on the next line"),
        ("a: - x\n", 1, "a list cannot start on the line of its key; start it on the next line"),
        ("a: [x, y\n", 1, "'[' is not closed on its line: [ ] must open and close on one line here"),
        ("a: [x, # comment\n  y]\n", 1, "'[' is not closed on its line"),
        ("a: {x: 1\n", 1, "'{' is not closed on its line"),
        ("a: [x y: 1]\n", 1, "expected ',' or ']', found ':'"),
        ("a: {x}\n", 1, "expected ':' after the key \"x\""),
        ("a: \"open\n", 1, "the quoted value is not closed on its line"),
        ("a: 'open\n", 1, "the quoted value is not closed on its line"),
        ("a: \"\\q\"\n", 1, "unknown escape \\q"),
        ("a: \"\\uD800\"\n", 1, "the escape \\uD800 is half of a surrogate pair without its other half"),
        ("a: \"\\u12\"\n", 1, "an escape needs 4 hex digits"),
        ("a: \"x\" y\n", 1, "unexpected 'y' after the value"),
        ("a: @x\n", 1, "a plain value cannot start with '@'; quote the value"),
        (": 1\n", 1, "a key is missing before ':'"),
        ("# only a comment\n\n", 1, "the file is empty"),
        ("a: 1\nb: x\u{0}y\n", 2, "U+0000 is not allowed in a policy file"),
        ("a: 1\rb: 2\n", 1, "U+000D is not allowed in a policy file"),
    ])
    func yamlRefusalsNameTheLine(text: String, line: Int, message: String) throws {
        let error = try #require(parseError(text))
        #expect(error.line == line)
        #expect(error.message.hasPrefix(message), "\(error)")
        #expect(error.description == "policy.yaml:\(line): \(error.message)")
    }

    @Test func errorsCarryTheColumnToo() throws {
        let error = try #require(parseError("keys:\n  cz-stage: [dev, stg prd: 1]\n"))
        #expect(error.line == 2)
        #expect(error.column == 26)
    }

    @Test func theDescriptionNamesFileAndLine() throws {
        let text = "version: 1\nkeys:\n  cz-stage: {}\n  cz-owner: {}\n  cz-stage: {}\n"
        let error = try #require(parseError(text))
        #expect(error.description == "policy.yaml:5: \"cz-stage\" appears twice (first on line 3)")
    }

    // MARK: JSON

    @Test func jsonInFull() throws {
        let text = #"""
            {"s": "a\"b\\c\/d\b\f\n\r\t\u00e9\uD83D\uDE00\u0000", "n": [0, -1, 1.5, 2e10, -0.5E-3], "t": true, "f": false,
             "z": null, "m": {"nested": [{}, []]}, "k": "한글"}
            """#
        let document = try PolicyDocument.parse(text, name: "p.json")
        #expect(
            document
                == map([
                    ("s", string("a\"b\\c/d\u{8}\u{C}\n\r\té😀\u{0}")),
                    ("n", list(["0", "-1", "1.5", "2e10", "-0.5E-3"].map { node(.number($0)) })),
                    ("t", node(.bool(true))), ("f", node(.bool(false))), ("z", node(.null)),
                    ("m", map([("nested", list([map([]), list([])]))])), ("k", string("한글")),
                ])
        )
    }

    @Test func jsonPositionsCountLinesAndCharacters() throws {
        let document = try PolicyDocument.parse("{\n  \"한\": 1,\n  \"b\": [true]\n}", name: "p.json")
        let found = entries(document)
        #expect(found[0].value.position == SourcePosition(line: 2, column: 8))
        #expect(found[1].keyPosition == SourcePosition(line: 3, column: 3))
    }

    @Test(arguments: [
        ("", 1, "the file is empty"),
        ("{\"a\": 1,}", 1, "expected a key in double quotes, found '}'"),
        ("{\"a\" 1}", 1, "expected ':' after the key \"a\", found '1'"),
        ("{\"a\": 1\n\"b\": 2}", 2, "expected ',' or '}', found '\"'"),
        ("[1, 2", 1, "expected ',' or ']', found the end of the file"),
        ("{\"a\": 01}", 1, "not a JSON number"),
        ("{\"a\": 1.}", 1, "not a JSON number: digits must follow '.'"),
        ("{\"a\": tru}", 1, "unexpected 't'; expected a value"),
        ("{\"a\": 'x'}", 1, "unexpected '''; expected a value"),
        ("{\"a\": \"x\ny\"}", 1, "U+000A inside a string; write it as \\u000A"),
        ("{\"a\": \"x\\q\"}", 1, "unknown escape \\q"),
        ("{\"a\": \"\\uDC00\"}", 1, "the escape \\uDC00 is half of a surrogate pair without its other half"),
        ("{\"a\": \"open}", 1, "the string is not closed"),
        ("{\"a\": 1}\n{\"b\": 2}", 2, "unexpected '{' after the end of the document"),
        ("{\"a\": 1,\n \"a\": 2}", 2, "\"a\" appears twice (first on line 1)"),
    ])
    func jsonRefusalsNameTheLine(text: String, line: Int, message: String) throws {
        let error = try #require(parseError(text, name: "policy.json"))
        #expect(error.line == line)
        #expect(error.message.hasPrefix(message), "\(error)")
    }

    @Test func theSameDocumentInBothSyntaxesIsTheSameTree() throws {
        let yaml = "version: 1\nkeys:\n  cz-stage:\n    required: true\n    values: [dev, stg]\ngroupBy: cz-owner\n"
        let json = #"{"version": 1, "keys": {"cz-stage": {"required": true, "values": ["dev", "stg"]}}, "groupBy": "cz-owner"}"#
        #expect(try PolicyDocument.parse(yaml, name: "p.yaml") == PolicyDocument.parse(json, name: "p.json"))
    }

    @Test func syntaxFollowsTheContentThenTheName() {
        #expect(PolicyDocument.Syntax(text: "  \n{\"a\": 1}", name: "policy.yaml") == .json)
        #expect(PolicyDocument.Syntax(text: "\u{FEFF}{}", name: "policy") == .json)
        #expect(PolicyDocument.Syntax(text: "[1]", name: "POLICY.JSON") == .json)
        #expect(PolicyDocument.Syntax(text: "a: 1", name: "policy.yml") == .yaml)
        #expect(PolicyDocument.Syntax(text: "# {\na: 1", name: "policy") == .yaml)
    }

    // MARK: Hostile input

    @Test func deepNestingStopsAtTheLimit() throws {
        let depth = PolicyDocument.maximumDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try PolicyDocument.parse(deepest, name: "p.json") }
        for text in [String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 100_000)] {
            let error = try #require(parseError(text, name: "p.json"))
            #expect(error.message == "nested more than 64 levels deep")
        }
        let flow = "a: " + String(repeating: "[", count: 100_000)
        #expect(try #require(parseError(flow)).message == "nested more than 64 levels deep")
        let indented = (0..<100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        let error = try #require(parseError(indented))
        #expect(error.message == "nested more than 64 levels deep")
        #expect(error.line == 65)
        let items = String(repeating: "- ", count: 1_000) + "x"
        #expect(try #require(parseError(items)).message == "nested more than 64 levels deep")
    }

    @Test func theSizeLimitComesFirst() throws {
        let text = "a: \"" + String(repeating: "x", count: PolicyDocument.maximumSize) + "\""
        let error = try #require(parseError(text))
        #expect(error.line == nil)
        #expect(error.description == "policy.yaml: the file has \(PolicyDocument.maximumSize + 5) bytes; a policy file may have at most 1048576")
    }

    @Test func hugeValuesAndLongLinesStayLinear() throws {
        let big = String(repeating: "가", count: 300_000)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try PolicyDocument.parse("a: \(big)\n", name: "p.yaml") == map([("a", string(big))]))
        let items = (0..<60_000).map { "v\($0)" }
        let flow = try PolicyDocument.parse("a: [" + items.joined(separator: ", ") + "]", name: "p.yaml")
        #expect(flow == map([("a", list(items.map(string)))]))
        let json = try PolicyDocument.parse("[" + items.map { "\"\($0)\"" }.joined(separator: ",") + "]", name: "p.json")
        #expect(json == list(items.map(string)))
        #expect(clock.now - started < .seconds(20))
    }

    @Test func escapedNulIsJustAString() throws {
        #expect(try PolicyDocument.parse("a: \"x\\0y\"", name: "p.yaml") == map([("a", string("x\u{0}y"))]))
        #expect(try PolicyDocument.parse(#"{"a": "x\u0000y"}"#, name: "p.json") == map([("a", string("x\u{0}y"))]))
        let error = try #require(parseError("{\"a\": \"x\u{0}y\"}", name: "p.json"))
        #expect(error.message == "U+0000 inside a string; write it as \\u0000")
    }

    @Test func formulasAndMarkupAreJustStrings() throws {
        let values = ["=cmd|' /C calc'!A0", "+SUM(A1)", "-1+2", "@A1", "<script>alert('x')</script>", "&amp; \"q\"", "=HYPERLINK(\"http://x\")"]
        let yaml = values.enumerated().map { "k\($0.offset): '\($0.element.replacingApostrophes)'" }.joined(separator: "\n")
        let expected = map(values.enumerated().map { ("k\($0.offset)", string($0.element)) })
        #expect(try PolicyDocument.parse(yaml, name: "p.yaml") == expected)
        let plain = try PolicyDocument.parse("a: =1+2\nb: <b>bold</b>\nc: +SUM(A1)\n", name: "p.yaml")
        #expect(plain == map([("a", string("=1+2")), ("b", string("<b>bold</b>")), ("c", string("+SUM(A1)"))]))
    }

    @Test func hostileKeysAreQuotedShortInMessages() throws {
        let key = "\"\\e[31m" + String(repeating: "k", count: 10_000) + "\""
        let error = try #require(parseError("\(key): 1\n\(key): 2\n"))
        #expect(error.line == 2)
        #expect(!error.message.contains("\u{1B}"))
        #expect(error.message.count < 120)
        #expect(error.message.hasPrefix("\"\\u{1B}[31mkkk"))
    }
}

extension String {
    fileprivate var replacingApostrophes: String { split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") }
}
