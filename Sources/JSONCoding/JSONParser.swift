/// RFC 8259, strictly, in one pass over the bytes and without recursion: an explicit stack of
/// open containers, and the depth limit checked when a container opens, so hostile nesting fails
/// fast instead of building a deep tree or exhausting the thread's stack.
///
/// Accepted beyond the grammar, as Foundation does: one leading UTF-8 byte order mark (RFC 8259
/// §8.1 allows ignoring it). Refused where Foundation is lenient: UTF-16/UTF-32 input, which
/// Foundation sniffs and converts; this parser takes UTF-8 only, so a NUL byte is always an error.
struct JSONParser {
    private let input: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var nodes: [JSONNode] = []
    private var index = 0

    private struct OpenContainer {
        var node: Int
        var isObject: Bool
        var count: UInt32
    }

    static func parse(_ bytes: [UInt8], maximumDepth: Int) throws -> JSONDocument {
        guard bytes.count < Int(UInt32.max) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: [], debugDescription: "The given data is too large to decode (4 GiB or more)."))
        }
        let nodes = try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(input: buffer, maximumDepth: maximumDepth)
            return try parser.parseDocument()
        }
        return JSONDocument(bytes: bytes, nodes: nodes)
    }

    private init(input: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.input = input
        self.maximumDepth = maximumDepth
        // A guess that avoids most regrowth on typical documents without over-committing on
        // documents made of long strings.
        nodes.reserveCapacity(min(input.count / 8 + 1, 1 << 20))
    }

    private mutating func parseDocument() throws -> [JSONNode] {
        if input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF {
            index = 3
        }
        skipWhitespace()
        guard index < input.count else {
            throw error(input.isEmpty ? "the input is empty" : "expected a value", at: index)
        }
        var stack: [OpenContainer] = []
        var expectingValue = true
        while true {
            if expectingValue {
                // A value starts here (whitespace already skipped).
                guard index < input.count else { throw error("expected a value", at: index) }
                let byte = input[index]
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    let isObject = byte == UInt8(ascii: "{")
                    guard stack.count < maximumDepth else {
                        throw error("arrays and objects nest deeper than the maximum depth of \(maximumDepth)", at: index, showFound: false)
                    }
                    stack.append(OpenContainer(node: nodes.count, isObject: isObject, count: 0))
                    nodes.append(JSONNode(kind: isObject ? .object : .array, flags: 0, offset: UInt32(index), length: 0, end: 0))
                    index += 1
                    skipWhitespace()
                    let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if index < input.count && input[index] == closing {
                        index += 1
                        close(&stack)
                        expectingValue = false
                    } else if isObject {
                        try parseKeyAndColon()
                    }
                    continue
                }
                try parseScalar()
                expectingValue = false
                continue
            }
            // A value has just ended: what may follow depends on the innermost open container.
            skipWhitespace()
            guard !stack.isEmpty else {
                guard index == input.count else {
                    throw error("unexpected data after the top-level value", at: index)
                }
                return nodes
            }
            stack[stack.count - 1].count += 1
            let isObject = stack[stack.count - 1].isObject
            guard index < input.count else {
                throw error(isObject ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element", at: index)
            }
            let byte = input[index]
            if byte == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                if isObject {
                    try parseKeyAndColon()
                }
                expectingValue = true
            } else if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                index += 1
                close(&stack)
            } else {
                throw error(isObject ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element", at: index)
            }
        }
    }

    private mutating func close(_ stack: inout [OpenContainer]) {
        let open = stack.removeLast()
        nodes[open.node].length = open.count
        nodes[open.node].end = UInt32(nodes.count)
    }

    /// An object member's key, the colon, and the whitespace before its value.
    private mutating func parseKeyAndColon() throws {
        guard index < input.count, input[index] == UInt8(ascii: "\"") else {
            throw error("expected a string key (a trailing comma or an unquoted key is not JSON)", at: index)
        }
        try parseString()
        skipWhitespace()
        guard index < input.count, input[index] == UInt8(ascii: ":") else {
            throw error("expected ':' after an object key", at: index)
        }
        index += 1
        skipWhitespace()
    }

    private mutating func parseScalar() throws {
        let byte = input[index]
        switch byte {
        case UInt8(ascii: "\""):
            try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber()
        case UInt8(ascii: "t"):
            try parseLiteral("true", kind: .true)
        case UInt8(ascii: "f"):
            try parseLiteral("false", kind: .false)
        case UInt8(ascii: "n"):
            try parseLiteral("null", kind: .null)
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            throw error("expected a value (a trailing comma is not JSON)", at: index)
        default:
            throw error("expected a value", at: index)
        }
    }

    private mutating func parseLiteral(_ literal: StaticString, kind: JSONNode.Kind) throws {
        let start = index
        let count = literal.utf8CodeUnitCount
        for offset in 0..<count {
            guard start + offset < input.count, input[start + offset] == literal.utf8Start[offset] else {
                throw error("expected '\(literal)'", at: start + offset)
            }
        }
        index += count
        nodes.append(JSONNode(kind: kind, flags: 0, offset: UInt32(start), length: UInt32(count), end: UInt32(nodes.count + 1)))
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` — no '+', no leading zeros,
    /// no bare '.', no NaN or Infinity.
    private mutating func parseNumber() throws {
        let start = index
        var flags: UInt8 = 0
        if input[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < input.count, isDigit(input[index]) else {
            throw error("expected a digit after '-'", at: index)
        }
        if input[index] == UInt8(ascii: "0") {
            index += 1
            if index < input.count && isDigit(input[index]) {
                throw error("a number may not have leading zeros", at: index, showFound: false)
            }
        } else {
            skipDigits()
        }
        if index < input.count && input[index] == UInt8(ascii: ".") {
            index += 1
            guard index < input.count, isDigit(input[index]) else {
                throw error("expected a digit after the decimal point", at: index)
            }
            skipDigits()
            flags = JSONNode.hasFractionOrExponent
        }
        if index < input.count && (input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E")) {
            index += 1
            if index < input.count && (input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard index < input.count, isDigit(input[index]) else {
                throw error("expected a digit in the exponent", at: index)
            }
            skipDigits()
            flags = JSONNode.hasFractionOrExponent
        }
        nodes.append(JSONNode(kind: .number, flags: flags, offset: UInt32(start), length: UInt32(index - start), end: UInt32(nodes.count + 1)))
    }

    /// From the opening quote to past the closing one, validating as it goes: no raw control
    /// characters, only RFC escapes, `\u` surrogates only in high-low pairs (Foundation refuses
    /// lone ones too), and well-formed UTF-8 (no overlongs, no encoded surrogates, nothing past
    /// U+10FFFF) — so decoding the string later can never fail or need repair.
    private mutating func parseString() throws {
        index += 1
        let start = index
        var flags: UInt8 = 0
        let count = input.count
        while true {
            guard index < count else {
                throw error("unterminated string (started at byte offset \(start - 1))", at: index)
            }
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                break
            }
            if byte == UInt8(ascii: "\\") {
                flags |= JSONNode.hasEscapes
                try parseEscape()
            } else if byte < 0x20 {
                throw error("control characters must be escaped in strings", at: index)
            } else if byte >= 0x80 {
                flags |= JSONNode.hasNonASCII
                try skipUTF8Sequence()
            } else {
                index += 1
            }
        }
        nodes.append(JSONNode(kind: .string, flags: flags, offset: UInt32(start), length: UInt32(index - start), end: UInt32(nodes.count + 1)))
        index += 1
    }

    private mutating func parseEscape() throws {
        let escapeStart = index
        index += 1
        guard index < input.count else { throw error("unterminated escape", at: index) }
        switch input[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"),
             UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
        case UInt8(ascii: "u"):
            index += 1
            let unit = try parseHex4()
            if unit >= 0xDC00 && unit <= 0xDFFF {
                throw error("a low surrogate escape (\\u\(hex(unit))) without a high surrogate before it", at: escapeStart, showFound: false)
            }
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard index + 1 < input.count, input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u") else {
                    throw error("a high surrogate escape (\\u\(hex(unit))) must be followed by a low surrogate escape", at: escapeStart, showFound: false)
                }
                index += 2
                let low = try parseHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error("a high surrogate escape (\\u\(hex(unit))) must be followed by a low surrogate escape, not \\u\(hex(low))", at: escapeStart, showFound: false)
                }
            }
        default:
            throw error("invalid escape (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: index)
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < input.count else { throw error("expected four hex digits after \\u", at: index) }
            let digit = Self.hexDigitValue(input[index])
            guard digit < 16 else { throw error("expected four hex digits after \\u", at: index) }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.utf8.count)) + digits
    }

    static func hexDigitValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return 0xFF
        }
    }

    /// The standard library's UTF-8 parser refuses overlong forms, surrogates and values past U+10FFFF.
    private mutating func skipUTF8Sequence() throws {
        var bytes = input[index...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        guard case .valid(let sequence) = parser.parseScalar(from: &bytes) else { throw error("invalid UTF-8", at: index) }
        index += sequence.count
    }

    private mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < input.count && isDigit(input[index]) {
            index += 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Byte offset, what was expected, and what was there: one character, never a run of the
    /// input (which may hold secrets, or be large).
    private func error(_ expected: String, at offset: Int, showFound: Bool = true) -> DecodingError {
        var message = "The given data was not valid JSON: \(expected) at byte offset \(offset)"
        if showFound {
            if offset >= input.count {
                message += ", found the end of the data"
            } else {
                message += ", found \(Self.describe(input[offset]))"
            }
        }
        return DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: message + "."))
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        let digits = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (digits.utf8.count == 1 ? "0" + digits : digits)
    }
}
