/// Policy files (SPEC §13.2) read into a tree of maps, lists and scalars, from JSON or from the subset of
/// YAML operators write for configuration. Every node remembers where it starts, so the decoder's errors
/// (`keys.cz-stage.values: expected a list of strings`) point at a line as the syntax errors do.
public enum PolicyDocument {
    /// The most a policy file may hold: a standard is a few kilobytes; more is a mistake or an attack.
    /// The caller that reads the file checks it before reading everything; `parse` checks it again.
    public static let maximumSize = 1 << 20
    /// Deeper nesting than any policy needs; it bounds the readers' recursion on hostile input.
    public static let maximumDepth = 64

    public enum Syntax: Sendable, Equatable {
        case json
        case yaml

        /// JSON when the text starts with `{` (JSON is what editors and generators write) or the name ends
        /// in `.json`; YAML otherwise.
        public init(text: String, name: String) {
            let first = text.unicodeScalars.first { $0 != "\u{FEFF}" && !$0.properties.isWhitespace }
            self = first == "{" || name.lowercased().hasSuffix(".json") ? .json : .yaml
        }
    }

    public static func parse(_ text: String, name: String) throws(PolicyError) -> PolicyNode {
        try parse(text, name: name, syntax: Syntax(text: text, name: name))
    }

    public static func parse(_ text: String, name: String, syntax: Syntax) throws(PolicyError) -> PolicyNode {
        let size = text.utf8.count
        guard size <= maximumSize else {
            throw PolicyError(source: name, message: "the file has \(size) bytes; a policy file may have at most \(maximumSize)")
        }
        let scanner = Scanner(bytes: Array(text.utf8), name: name)
        switch syntax {
        case .json:
            var reader = JSONReader(scanner)
            return try reader.document()
        case .yaml:
            var reader = try YAMLReader(scanner)
            return try reader.document()
        }
    }
}

/// Where a node or an error is: 1-based line, and column in Unicode scalars (a Korean character is one column).
public struct SourcePosition: Sendable, Equatable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A node of a policy document. Equality is by content: the same policy in YAML and in JSON is the same tree.
public struct PolicyNode: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The number as written: the policy's numbers are versions and counts, never worth a float's rounding.
        case number(String)
        case string(String)
        case list([PolicyNode])
        /// In the file's order: the policy's key order is the order the audit reports in.
        case map([Entry])
    }

    public struct Entry: Sendable, Equatable {
        public let key: String
        public let keyPosition: SourcePosition
        public let value: PolicyNode

        public init(key: String, keyPosition: SourcePosition, value: PolicyNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }

        public static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }
    }

    public let value: Value
    public let position: SourcePosition

    public init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }

    public static func == (lhs: PolicyNode, rhs: PolicyNode) -> Bool { lhs.value == rhs.value }
}

/// Why a policy file cannot be used, and where: `policy.yaml:12: "cz-stage" appears twice`.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as the operator gave it.
    public let source: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(source: String, position: SourcePosition? = nil, message: String) {
        self.source = source
        line = position?.line
        column = position?.column
        self.message = message
    }

    public var description: String {
        guard let line else { return "\(source): \(message)" }
        return "\(source):\(line): \(message)"
    }
}

// MARK: - Shared scanning

private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let tab = UInt8(ascii: "\t")
private let space = UInt8(ascii: " ")
private let quote = UInt8(ascii: "\"")
private let apostrophe = UInt8(ascii: "'")
private let backslash = UInt8(ascii: "\\")
private let hash = UInt8(ascii: "#")
private let colon = UInt8(ascii: ":")
private let comma = UInt8(ascii: ",")
private let dash = UInt8(ascii: "-")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")

private let jsonEscapes: [UInt8: UInt8] = [
    quote: quote, backslash: backslash, UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12,
    UInt8(ascii: "n"): newline, UInt8(ascii: "r"): carriageReturn, UInt8(ascii: "t"): tab,
]
private let yamlEscapes: [UInt8: Unicode.Scalar] = [
    UInt8(ascii: "0"): "\u{0}", UInt8(ascii: "a"): "\u{7}", UInt8(ascii: "b"): "\u{8}", UInt8(ascii: "t"): "\t", tab: "\t",
    UInt8(ascii: "n"): "\n", UInt8(ascii: "v"): "\u{B}", UInt8(ascii: "f"): "\u{C}", UInt8(ascii: "r"): "\r", UInt8(ascii: "e"): "\u{1B}",
    space: " ", quote: "\"", UInt8(ascii: "/"): "/", backslash: "\\", UInt8(ascii: "N"): "\u{85}", UInt8(ascii: "_"): "\u{A0}",
    UInt8(ascii: "L"): "\u{2028}", UInt8(ascii: "P"): "\u{2029}",
]
/// `\xXX`, `\uXXXX`, `\UXXXXXXXX`: how many hex digits each takes.
private let yamlHexEscapes: [UInt8: Int] = [UInt8(ascii: "x"): 2, UInt8(ascii: "u"): 4, UInt8(ascii: "U"): 8]

private func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

/// The text's UTF-8 bytes (structure is all ASCII, so slicing at it keeps the text valid) and the way
/// from a byte offset to a line and column.
private struct Scanner {
    let bytes: [UInt8]
    let name: String
    /// After a byte-order mark, which Windows editors write and which is not content.
    let start: Int
    private var mark: (offset: Int, line: Int, column: Int)

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        mark = (start, 1, 1)
    }

    /// Positions are asked for in reading order, so counting on from the last one keeps a long line linear;
    /// an earlier offset (an error pointing back) counts again from the start, once.
    mutating func position(at offset: Int) -> SourcePosition {
        if offset < mark.offset { mark = (start, 1, 1) }
        var (line, column) = (mark.line, mark.column)
        for byte in bytes[mark.offset..<offset] {
            if byte == newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        mark = (offset, line, column)
        return SourcePosition(line: line, column: column)
    }

    mutating func error(_ message: String, at offset: Int) -> PolicyError {
        PolicyError(source: name, position: position(at: offset), message: message)
    }

    func duplicate(_ key: String, firstLine: Int, at position: SourcePosition) -> PolicyError {
        PolicyError(source: name, position: position, message: "\(PolicyError.quote(key)) appears twice (first on line \(firstLine))")
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The character at an offset, for messages: `unexpected '}'`, `unexpected U+0000`.
    func character(at offset: Int) -> String {
        guard let scalar = text(offset..<min(offset + 4, bytes.count)).unicodeScalars.first else { return "the end" }
        if scalar.value < 0x20 || scalar.value == 0x7F { return "U+\(hex(scalar.value, digits: 4))" }
        return "'\(scalar)'"
    }

    /// The hex digits of `\x`, `\u` or `\U`, with the JSON form of characters outside the BMP: a high
    /// surrogate followed by `\u` and a low one. `offset` is at the first digit; it ends after the last.
    mutating func unicodeEscape(_ offset: inout Int, end: Int, digits: Int) throws(PolicyError) -> Unicode.Scalar {
        let escape = offset - 2
        let high = try hexDigits(&offset, end: end, count: digits, escape: escape)
        if (0xD800...0xDBFF).contains(high), digits == 4, offset + 1 < end, bytes[offset] == backslash, bytes[offset + 1] == UInt8(ascii: "u") {
            var next = offset + 2
            let low = try hexDigits(&next, end: end, count: 4, escape: offset)
            if (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                offset = next
                return scalar
            }
        }
        guard let scalar = Unicode.Scalar(high) else {
            let what = (0xD800...0xDFFF).contains(high) ? "half of a surrogate pair without its other half" : "not a Unicode character"
            throw error("the escape \\u\(hex(high, digits: 4)) is \(what)", at: escape)
        }
        return scalar
    }

    private mutating func hexDigits(_ offset: inout Int, end: Int, count: Int, escape: Int) throws(PolicyError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard offset < end, let digit = hexDigit(bytes[offset]) else {
                throw error("an escape needs \(count) hex digits", at: escape)
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

private func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
}

private func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    UTF8.encode(scalar) { bytes.append($0) }
}

private func tooDeep(_ scanner: inout Scanner, at offset: Int) -> PolicyError {
    scanner.error("nested more than \(PolicyDocument.maximumDepth) levels deep", at: offset)
}

// MARK: - JSON

/// JSON as RFC 8259 has it, plus two refusals a policy needs: a key given twice, and nesting past the limit.
private struct JSONReader {
    var scanner: Scanner
    var offset: Int
    let end: Int

    init(_ scanner: Scanner) {
        self.scanner = scanner
        offset = scanner.start
        end = scanner.bytes.count
    }

    private var bytes: [UInt8] { scanner.bytes }

    mutating func document() throws(PolicyError) -> PolicyNode {
        skipWhitespace()
        guard offset < end else { throw scanner.error("the file is empty", at: offset) }
        let node = try value(depth: 1)
        skipWhitespace()
        guard offset == end else { throw scanner.error("unexpected \(scanner.character(at: offset)) after the end of the document", at: offset) }
        return node
    }

    private mutating func skipWhitespace() {
        while offset < end, bytes[offset] == space || bytes[offset] == newline || bytes[offset] == carriageReturn || bytes[offset] == tab {
            offset += 1
        }
    }

    private mutating func value(depth: Int) throws(PolicyError) -> PolicyNode {
        let position = scanner.position(at: offset)
        switch bytes[offset] {
        case openBrace: return try object(depth: depth, at: position)
        case openBracket: return try array(depth: depth, at: position)
        case quote: return PolicyNode(.string(try string()), at: position)
        case dash, UInt8(ascii: "0")...UInt8(ascii: "9"): return PolicyNode(.number(try number()), at: position)
        default:
            for (word, value) in [("true", PolicyNode.Value.bool(true)), ("false", .bool(false)), ("null", .null)]
            where bytes[offset...].starts(with: word.utf8) {
                offset += word.utf8.count
                return PolicyNode(value, at: position)
            }
            throw scanner.error("unexpected \(scanner.character(at: offset)); expected a value", at: offset)
        }
    }

    private mutating func object(depth: Int, at position: SourcePosition) throws(PolicyError) -> PolicyNode {
        guard depth <= PolicyDocument.maximumDepth else { throw tooDeep(&scanner, at: offset) }
        offset += 1
        var entries: [PolicyNode.Entry] = []
        var seen: [String: Int] = [:]
        skipWhitespace()
        if offset < end, bytes[offset] == closeBrace {
            offset += 1
            return PolicyNode(.map([]), at: position)
        }
        while true {
            skipWhitespace()
            guard offset < end, bytes[offset] == quote else { throw expected("a key in double quotes") }
            let keyPosition = scanner.position(at: offset)
            let key = try string()
            if let first = seen[key] { throw scanner.duplicate(key, firstLine: first, at: keyPosition) }
            seen[key] = keyPosition.line
            skipWhitespace()
            guard offset < end, bytes[offset] == colon else { throw expected("':' after the key \(PolicyError.quote(key))") }
            offset += 1
            skipWhitespace()
            guard offset < end else { throw expected("a value") }
            entries.append(PolicyNode.Entry(key: key, keyPosition: keyPosition, value: try value(depth: depth + 1)))
            skipWhitespace()
            guard offset < end else { throw expected("',' or '}'") }
            if bytes[offset] == comma {
                offset += 1
            } else if bytes[offset] == closeBrace {
                offset += 1
                return PolicyNode(.map(entries), at: position)
            } else {
                throw expected("',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int, at position: SourcePosition) throws(PolicyError) -> PolicyNode {
        guard depth <= PolicyDocument.maximumDepth else { throw tooDeep(&scanner, at: offset) }
        offset += 1
        var items: [PolicyNode] = []
        skipWhitespace()
        if offset < end, bytes[offset] == closeBracket {
            offset += 1
            return PolicyNode(.list([]), at: position)
        }
        while true {
            skipWhitespace()
            guard offset < end else { throw expected("a value") }
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            guard offset < end else { throw expected("',' or ']'") }
            if bytes[offset] == comma {
                offset += 1
            } else if bytes[offset] == closeBracket {
                offset += 1
                return PolicyNode(.list(items), at: position)
            } else {
                throw expected("',' or ']'")
            }
        }
    }

    private mutating func expected(_ what: String) -> PolicyError {
        let found = offset < end ? scanner.character(at: offset) : "the end of the file"
        return scanner.error("expected \(what), found \(found)", at: offset)
    }

    private mutating func string() throws(PolicyError) -> String {
        let start = offset
        offset += 1
        var text: [UInt8] = []
        var run = offset
        while offset < end {
            let byte = bytes[offset]
            if byte == quote {
                text.append(contentsOf: bytes[run..<offset])
                offset += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == backslash {
                text.append(contentsOf: bytes[run..<offset])
                try escape(into: &text)
                run = offset
                continue
            }
            if byte < 0x20 {
                let escape = "\\u\(hex(UInt32(byte), digits: 4))"
                throw scanner.error("\(scanner.character(at: offset)) inside a string; write it as \(escape)", at: offset)
            }
            offset += 1
        }
        throw scanner.error("the string is not closed", at: start)
    }

    private mutating func escape(into text: inout [UInt8]) throws(PolicyError) {
        let escape = offset
        offset += 1
        guard offset < end else { throw scanner.error("the string is not closed", at: escape) }
        if let byte = jsonEscapes[bytes[offset]] {
            text.append(byte)
            offset += 1
        } else if bytes[offset] == UInt8(ascii: "u") {
            offset += 1
            append(try scanner.unicodeEscape(&offset, end: end, digits: 4), to: &text)
        } else {
            throw scanner.error("unknown escape \\\(scanner.character(at: offset).trimmingQuotes)", at: escape)
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    private mutating func number() throws(PolicyError) -> String {
        let start = offset
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.offset
            while reader.offset < reader.end, isDigit(reader.bytes[reader.offset]) { reader.offset += 1 }
            return reader.offset - first
        }
        if bytes[offset] == dash { offset += 1 }
        let integer = offset
        guard digits(&self) > 0, bytes[integer] != UInt8(ascii: "0") || offset == integer + 1 else {
            throw scanner.error("not a JSON number", at: start)
        }
        if offset < end, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits(&self) > 0 else { throw scanner.error("not a JSON number: digits must follow '.'", at: start) }
        }
        if offset < end, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < end, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == dash { offset += 1 }
            guard digits(&self) > 0 else { throw scanner.error("not a JSON number: digits must follow the exponent", at: start) }
        }
        return scanner.text(start..<offset)
    }
}

extension String {
    fileprivate var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count > 1 ? String(dropFirst().dropLast()) : self
    }
}

extension PolicyError {
    /// A key or value quoted for a message: escaped like a string literal, and cut short when long, so a
    /// hostile file cannot fill the terminal or hide text with control characters.
    static func quote(_ text: String) -> String {
        let limit = 64
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        var result = "\""
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(hex(scalar.value, digits: 1))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

// MARK: - YAML

/// The YAML operators write for configuration: block maps and lists by indentation, one-line flow lists and
/// maps, plain and quoted scalars, comments. What it leaves out (tabs for indentation, anchors, aliases, tags,
/// block scalars, several documents, values over several lines) is refused by name rather than misread.
/// Plain scalars are typed by YAML 1.2's core schema: `true`, `null`, `~`, `12`, `1.5`; everything else is text.
private struct YAMLReader {
    /// A line with content. A list item's content becomes a line of its own, indented to where it starts,
    /// so `- key: value` and the keys under it read as one map.
    struct Line {
        let number: Int
        var indent: Int
        var content: Int
        let end: Int
    }

    var scanner: Scanner
    var lines: [Line] = []
    var current = 0

    private var bytes: [UInt8] { scanner.bytes }

    init(_ scanner: Scanner) throws(PolicyError) {
        self.scanner = scanner
        var start = scanner.start
        var number = 0
        var sawMarker = false
        while start < bytes.count {
            let lineBreak = bytes[start...].firstIndex(of: newline) ?? bytes.count
            let end = lineBreak > start && bytes[lineBreak - 1] == carriageReturn ? lineBreak - 1 : lineBreak
            number += 1
            defer { start = lineBreak + 1 }
            if let control = bytes[start..<end].firstIndex(where: { ($0 < 0x20 && $0 != tab) || $0 == 0x7F }) {
                throw self.scanner.error("\(scanner.character(at: control)) is not allowed in a policy file", at: control)
            }
            var content = start
            while content < end, bytes[content] == space { content += 1 }
            if content < end, bytes[content] == tab {
                let text = bytes[content..<end].drop(while: isBlank)
                if text.isEmpty || text.first == hash { continue }
                throw self.scanner.error("tabs for indentation are not supported in policy files; indent with spaces", at: content)
            }
            if content == end || bytes[content] == hash { continue }
            if content == start {
                if startsWord("---", at: content, end: end) {
                    guard lines.isEmpty, !sawMarker else {
                        throw self.scanner.error("several documents in one file (a second ---) are not supported in policy files", at: content)
                    }
                    let rest = bytes[(content + 3)..<end].drop(while: isBlank)
                    guard rest.isEmpty || rest.first == hash else {
                        throw self.scanner.error(
                            "content on the --- line is not supported in policy files; start it on the next line", at: content
                        )
                    }
                    sawMarker = true
                    continue
                }
                if startsWord("...", at: content, end: end) {
                    throw self.scanner.error("the end-of-document marker (...) is not supported in policy files", at: content)
                }
                if bytes[content] == UInt8(ascii: "%") {
                    throw self.scanner.error("directives (%YAML, %TAG) are not supported in policy files", at: content)
                }
            }
            lines.append(Line(number: number, indent: content - start, content: content, end: end))
        }
    }

    private func startsWord(_ word: String, at offset: Int, end: Int) -> Bool {
        let after = offset + word.utf8.count
        return bytes[offset..<end].starts(with: word.utf8) && (after == end || isBlank(bytes[after]))
    }

    mutating func document() throws(PolicyError) -> PolicyNode {
        guard let first = lines.first else { throw scanner.error("the file is empty", at: scanner.start) }
        let node = try block(depth: 1)
        if current < lines.count {
            throw badIndentation(lines[current], expected: first.indent)
        }
        return node
    }

    // MARK: Blocks

    /// The node starting at the current line: a list, a map, or a value alone on its line.
    private mutating func block(depth: Int) throws(PolicyError) -> PolicyNode {
        let line = lines[current]
        if isItem(line) { return try sequence(indent: line.indent, depth: depth, sharesIndentWithKey: false) }
        if try key(in: line) != nil { return try mapping(indent: line.indent, depth: depth) }
        var offset = line.content
        let node = try inlineValue(line, &offset, depth: depth)
        current += 1
        if current < lines.count, lines[current].indent >= line.indent {
            if case .string(let text) = node.value, text.contains(":") {
                throw scanner.error("expected 'key: value' (a blank must follow ':')", at: line.content)
            }
            throw scanner.error(
                "more lines follow a value alone on its line: values over several lines are not supported in policy files; "
                    + "write it on one line, quoted if need be",
                at: line.content
            )
        }
        return node
    }

    private mutating func mapping(indent: Int, depth: Int) throws(PolicyError) -> PolicyNode {
        guard depth <= PolicyDocument.maximumDepth else { throw tooDeep(&scanner, at: lines[current].content) }
        let position = scanner.position(at: lines[current].content)
        var entries: [PolicyNode.Entry] = []
        var seen: [String: Int] = [:]
        while current < lines.count, lines[current].indent == indent {
            let line = lines[current]
            if isItem(line) {
                throw scanner.error("a list item where a key of the map above was expected", at: line.content)
            }
            guard let key = try key(in: line) else {
                let hint = bytes[line.content..<line.end].contains(colon) ? " (a blank must follow ':')" : ""
                throw scanner.error("expected 'key: value' like the lines above\(hint)", at: line.content)
            }
            let keyPosition = scanner.position(at: key.start)
            if let first = seen[key.text] {
                throw scanner.duplicate(key.text, firstLine: first, at: keyPosition)
            }
            seen[key.text] = line.number
            var offset = key.after
            while offset < line.end, isBlank(bytes[offset]) { offset += 1 }
            let value: PolicyNode
            if offset == line.end || bytes[offset] == hash {
                let empty = scanner.position(at: offset)
                current += 1
                if current < lines.count, lines[current].indent > indent {
                    value = try block(depth: depth + 1)
                } else if current < lines.count, lines[current].indent == indent, isItem(lines[current]) {
                    value = try sequence(indent: indent, depth: depth + 1, sharesIndentWithKey: true)
                } else {
                    value = PolicyNode(.null, at: empty)
                }
            } else {
                value = try inlineValue(line, &offset, depth: depth + 1)
                current += 1
                if current < lines.count, lines[current].indent > indent {
                    throw scanner.error(
                        "bad indentation: \(PolicyError.quote(key.text)) has its value on line \(line.number), so nothing can be nested under it",
                        at: lines[current].content
                    )
                }
            }
            entries.append(PolicyNode.Entry(key: key.text, keyPosition: keyPosition, value: value))
            if current < lines.count, lines[current].indent > indent { throw badIndentation(lines[current], expected: indent) }
        }
        return PolicyNode(.map(entries), at: position)
    }

    /// `sharesIndentWithKey`: the list is a key's value written at the key's own indentation (`key:` then
    /// `- item` under it), so the line after it may be the map's next key.
    private mutating func sequence(indent: Int, depth: Int, sharesIndentWithKey: Bool) throws(PolicyError) -> PolicyNode {
        guard depth <= PolicyDocument.maximumDepth else { throw tooDeep(&scanner, at: lines[current].content) }
        let position = scanner.position(at: lines[current].content)
        var items: [PolicyNode] = []
        while current < lines.count, lines[current].indent == indent, isItem(lines[current]) {
            let line = lines[current]
            var offset = line.content + 1
            while offset < line.end, bytes[offset] == space { offset += 1 }
            if offset < line.end, bytes[offset] == tab {
                throw scanner.error("tabs for indentation are not supported in policy files; indent with spaces", at: offset)
            }
            if offset == line.end || bytes[offset] == hash {
                let empty = scanner.position(at: offset)
                current += 1
                if current < lines.count, lines[current].indent > indent {
                    items.append(try block(depth: depth + 1))
                } else {
                    items.append(PolicyNode(.null, at: empty))
                }
            } else {
                lines[current].indent = line.indent + (offset - line.content)
                lines[current].content = offset
                items.append(try block(depth: depth + 1))
            }
            if current < lines.count, lines[current].indent > indent { throw badIndentation(lines[current], expected: indent) }
        }
        if !sharesIndentWithKey, current < lines.count, lines[current].indent == indent {
            throw scanner.error("expected a list item ('- ') like the lines above", at: lines[current].content)
        }
        return PolicyNode(.list(items), at: position)
    }

    private mutating func badIndentation(_ line: Line, expected: Int) -> PolicyError {
        scanner.error(
            "bad indentation: \(line.indent) spaces, which lines up with no block above (the block around it has \(expected))", at: line.content
        )
    }

    private func isItem(_ line: Line) -> Bool {
        bytes[line.content] == dash && (line.content + 1 == line.end || isBlank(bytes[line.content + 1]))
    }

    /// The line's key when it is `key: …`: `text`, where it starts, and the offset after its colon.
    private mutating func key(in line: Line) throws(PolicyError) -> (text: String, start: Int, after: Int)? {
        let start = line.content
        let first = bytes[start]
        if first == quote || first == apostrophe {
            var offset = start
            let text = try quotedScalar(&offset, end: line.end)
            while offset < line.end, isBlank(bytes[offset]) { offset += 1 }
            return isValueIndicator(offset, end: line.end) ? (text, start, offset + 1) : nil
        }
        if first == openBracket || first == openBrace { return nil }
        try refuseIndicator(at: start, end: line.end, flow: false)
        var offset = start
        while offset < line.end {
            if isValueIndicator(offset, end: line.end) {
                let text = scanner.text(start..<offset).trimmingBlanks
                guard !text.isEmpty else { throw scanner.error("a key is missing before ':'", at: offset) }
                return (text, start, offset + 1)
            }
            if bytes[offset] == hash, offset > start, isBlank(bytes[offset - 1]) { return nil }
            offset += 1
        }
        return nil
    }

    /// `:` followed by a blank or the end of the line: in block context, the only colon that ends a key.
    private func isValueIndicator(_ offset: Int, end: Int) -> Bool {
        offset < end && bytes[offset] == colon && (offset + 1 == end || isBlank(bytes[offset + 1]))
    }

    // MARK: Values on one line

    /// A value that starts at `offset` and ends on this line, followed only by blanks or a comment.
    private mutating func inlineValue(_ line: Line, _ offset: inout Int, depth: Int) throws(PolicyError) -> PolicyNode {
        let start = offset
        let position = scanner.position(at: start)
        let node: PolicyNode
        switch bytes[offset] {
        case openBracket, openBrace:
            node = try flow(&offset, end: line.end, depth: depth)
        case quote, apostrophe:
            node = PolicyNode(.string(try quotedScalar(&offset, end: line.end)), at: position)
        default:
            try refuseIndicator(at: offset, end: line.end, flow: false)
            while offset < line.end, !(bytes[offset] == hash && isBlank(bytes[offset - 1])) {
                if isValueIndicator(offset, end: line.end) {
                    throw scanner.error("': ' inside a value: quote the value, or start a nested map on the next line", at: offset)
                }
                offset += 1
            }
            node = plain(scanner.text(start..<offset).trimmingBlanks, at: position)
        }
        while offset < line.end, isBlank(bytes[offset]) { offset += 1 }
        if offset < line.end, bytes[offset] != hash || !isBlank(bytes[offset - 1]) {
            throw scanner.error("unexpected \(scanner.character(at: offset)) after the value", at: offset)
        }
        return node
    }

    /// YAML's indicators that would start something this reader does not support, named in the error.
    private mutating func refuseIndicator(at offset: Int, end: Int, flow: Bool) throws(PolicyError) {
        let byte = bytes[offset]
        let followedByBlank = offset + 1 == end || isBlank(bytes[offset + 1])
        let message: String? =
            switch byte {
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                "block scalars (| and >) are not supported in policy files; write the value on one line, quoted if need be"
            case UInt8(ascii: "&"): "anchors (&) are not supported in policy files"
            case UInt8(ascii: "*"): "aliases (*) are not supported in policy files"
            case UInt8(ascii: "!"): "tags (!) are not supported in policy files"
            case UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), hash:
                "a plain value cannot start with \(scanner.character(at: offset)); quote the value"
            case closeBracket, closeBrace, comma: "unexpected \(scanner.character(at: offset)); expected a value"
            case UInt8(ascii: "?") where followedByBlank: "complex keys (?) are not supported in policy files"
            case dash where followedByBlank:
                flow
                    ? "unexpected '-' inside [ ]; list items there are separated by commas"
                    : "a list cannot start on the line of its key; start it on the next line"
            case colon where followedByBlank: "a key is missing before ':'"
            default: nil
            }
        if let message { throw scanner.error(message, at: offset) }
    }

    /// A flow list or map, `[a, b]` or `{a: 1, b: [x]}`, which must close on the line it opens.
    private mutating func flow(_ offset: inout Int, end: Int, depth: Int) throws(PolicyError) -> PolicyNode {
        guard depth <= PolicyDocument.maximumDepth else { throw tooDeep(&scanner, at: offset) }
        let open = offset
        let position = scanner.position(at: open)
        let isList = bytes[open] == openBracket
        let close = isList ? closeBracket : closeBrace
        offset += 1
        var items: [PolicyNode] = []
        var entries: [PolicyNode.Entry] = []
        var seen: [String: Int] = [:]
        while true {
            try skipFlowBlanks(&offset, end: end, open: open)
            if bytes[offset] == close {
                offset += 1
                return PolicyNode(isList ? .list(items) : .map(entries), at: position)
            }
            if isList {
                items.append(try flowValue(&offset, end: end, depth: depth + 1))
            } else {
                let keyPosition = scanner.position(at: offset)
                let key = try flowKey(&offset, end: end)
                try skipFlowBlanks(&offset, end: end, open: open)
                guard bytes[offset] == colon else {
                    throw scanner.error("expected ':' after the key \(PolicyError.quote(key))", at: offset)
                }
                offset += 1
                try skipFlowBlanks(&offset, end: end, open: open)
                let value =
                    bytes[offset] == comma || bytes[offset] == closeBrace
                    ? PolicyNode(.null, at: scanner.position(at: offset)) : try flowValue(&offset, end: end, depth: depth + 1)
                if let first = seen[key] {
                    throw scanner.duplicate(key, firstLine: first, at: keyPosition)
                }
                seen[key] = keyPosition.line
                entries.append(PolicyNode.Entry(key: key, keyPosition: keyPosition, value: value))
            }
            try skipFlowBlanks(&offset, end: end, open: open)
            if bytes[offset] == comma {
                offset += 1
            } else if bytes[offset] != close {
                throw scanner.error("expected ',' or '\(isList ? "]" : "}")', found \(scanner.character(at: offset))", at: offset)
            }
        }
    }

    /// Blanks inside a flow collection; the line's end (or a comment) before it closes is an error.
    private mutating func skipFlowBlanks(_ offset: inout Int, end: Int, open: Int) throws(PolicyError) {
        while offset < end, isBlank(bytes[offset]) { offset += 1 }
        if offset == end || (bytes[offset] == hash && isBlank(bytes[offset - 1])) {
            let kind = bytes[open] == openBracket ? "[ ]" : "{ }"
            let bracket = scanner.character(at: open)
            throw scanner.error("\(bracket) is not closed on its line: \(kind) must open and close on one line here", at: open)
        }
    }

    private mutating func flowValue(_ offset: inout Int, end: Int, depth: Int) throws(PolicyError) -> PolicyNode {
        let position = scanner.position(at: offset)
        switch bytes[offset] {
        case openBracket, openBrace: return try flow(&offset, end: end, depth: depth)
        case quote, apostrophe: return PolicyNode(.string(try quotedScalar(&offset, end: end)), at: position)
        default: return plain(try flowPlain(&offset, end: end), at: position)
        }
    }

    private mutating func flowKey(_ offset: inout Int, end: Int) throws(PolicyError) -> String {
        switch bytes[offset] {
        case quote, apostrophe: return try quotedScalar(&offset, end: end)
        case openBracket, openBrace: throw scanner.error("a key must be text, not \(scanner.character(at: offset))", at: offset)
        default: return try flowPlain(&offset, end: end)
        }
    }

    /// Plain text inside `[ ]` or `{ }`: it ends at `,`, the closing bracket, or a `:` that introduces a value.
    private mutating func flowPlain(_ offset: inout Int, end: Int) throws(PolicyError) -> String {
        try refuseIndicator(at: offset, end: end, flow: true)
        let start = offset
        scan: while offset < end {
            switch bytes[offset] {
            case comma, closeBracket, closeBrace: break scan
            case openBracket, openBrace:
                throw scanner.error("\(scanner.character(at: offset)) inside a plain value; quote the value", at: offset)
            case colon where offset + 1 == end || [space, tab, comma, closeBracket, closeBrace].contains(bytes[offset + 1]): break scan
            case hash where isBlank(bytes[offset - 1]): break scan
            default: offset += 1
            }
        }
        return scanner.text(start..<offset).trimmingBlanks
    }

    /// `'…'` (where `''` is a quote) or `"…"` with YAML's escapes; either ends on the line it starts.
    private mutating func quotedScalar(_ offset: inout Int, end: Int) throws(PolicyError) -> String {
        let start = offset
        let delimiter = bytes[offset]
        offset += 1
        var text: [UInt8] = []
        var run = offset
        while offset < end {
            let byte = bytes[offset]
            if byte == delimiter {
                if delimiter == apostrophe, offset + 1 < end, bytes[offset + 1] == apostrophe {
                    text.append(contentsOf: bytes[run...offset])
                    offset += 2
                    run = offset
                    continue
                }
                text.append(contentsOf: bytes[run..<offset])
                offset += 1
                return String(decoding: text, as: UTF8.self)
            }
            if delimiter == quote, byte == backslash {
                text.append(contentsOf: bytes[run..<offset])
                try escape(&offset, end: end, into: &text)
                run = offset
                continue
            }
            offset += 1
        }
        throw scanner.error(
            "the quoted value is not closed on its line (quoted values over several lines are not supported in policy files)", at: start
        )
    }

    private mutating func escape(_ offset: inout Int, end: Int, into text: inout [UInt8]) throws(PolicyError) {
        let escape = offset
        offset += 1
        guard offset < end else { throw scanner.error("an escape at the end of the line", at: escape) }
        let byte = bytes[offset]
        if let scalar = yamlEscapes[byte] {
            offset += 1
            append(scalar, to: &text)
        } else if let count = yamlHexEscapes[byte] {
            offset += 1
            append(try scanner.unicodeEscape(&offset, end: end, digits: count), to: &text)
        } else {
            throw scanner.error("unknown escape \\\(scanner.character(at: offset).trimmingQuotes)", at: escape)
        }
    }

    /// YAML 1.2's core schema: what a plain scalar means.
    private func plain(_ text: String, at position: SourcePosition) -> PolicyNode {
        switch text {
        case "", "~", "null", "Null", "NULL": return PolicyNode(.null, at: position)
        case "true", "True", "TRUE": return PolicyNode(.bool(true), at: position)
        case "false", "False", "FALSE": return PolicyNode(.bool(false), at: position)
        default: return PolicyNode(isCoreNumber(text) ? .number(text) : .string(text), at: position)
        }
    }
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `0o17`, `0x1F`, `.inf`, `.nan`: numbers in YAML 1.2's
/// core schema, so `version: 1` is the number 1 and `2023` written bare is not text.
private func isCoreNumber(_ text: String) -> Bool {
    let special = [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"]
    if special.contains(text) { return true }
    var bytes = Substring(text).utf8[...]
    func all(_ rest: Substring.UTF8View, _ test: (UInt8) -> Bool) -> Bool { !rest.isEmpty && rest.allSatisfy(test) }
    if bytes.starts(with: "0o".utf8) { return all(bytes.dropFirst(2)) { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) } }
    if bytes.starts(with: "0x".utf8) {
        return all(bytes.dropFirst(2)) { isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) }
    }
    if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == dash { bytes = bytes.dropFirst() }
    let mantissaDigits = bytes.prefix(while: isDigit).count
    bytes = bytes.dropFirst(mantissaDigits)
    var fractionDigits = 0
    if bytes.first == UInt8(ascii: ".") {
        bytes = bytes.dropFirst()
        fractionDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(fractionDigits)
    }
    guard mantissaDigits + fractionDigits > 0 else { return false }
    if let e = bytes.first, e | 0x20 == UInt8(ascii: "e") {
        bytes = bytes.dropFirst()
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == dash { bytes = bytes.dropFirst() }
        return all(bytes, isDigit)
    }
    return bytes.isEmpty
}

extension String {
    fileprivate var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
