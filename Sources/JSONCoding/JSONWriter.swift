/// Serialises a finished tree, byte for byte the way Foundation's `JSONWriter` does with
/// `.sortedKeys` and `.withoutEscapingSlashes`.
struct JSONWriter {
    /// Foundation refuses to write containers nested 512 deep (511 is the most it writes);
    /// matching it keeps "encodes here" meaning "encodes there", and it bounds the recursion below.
    static let maximumDepth = 512

    /// Thrown from the innermost container and given its coding path on the way out, so the report
    /// names where the nesting went too deep without tracking a path on the happy path.
    struct NestingTooDeep: Error {
        var codingPath: [any CodingKey] = []
    }

    private(set) var bytes: [UInt8] = []
    private let prettyPrinted: Bool
    private var indent = 0

    init(prettyPrinted: Bool) {
        self.prettyPrinted = prettyPrinted
    }

    mutating func write(_ tree: JSONTree) throws {
        try write(tree, depth: 0)
    }

    private mutating func write(_ tree: JSONTree, depth: Int) throws {
        switch tree {
        case .null:
            append("null")
        case .bool(let value):
            append(value ? "true" : "false")
        case .number(let text):
            bytes.append(contentsOf: text.utf8)
        case .string(let text):
            writeString(text)
        case .array(let box):
            try writeArray(box.elements, depth: depth + 1)
        case .object(let box):
            try writeObject(box.members, depth: depth + 1)
        }
    }

    private mutating func writeArray(_ elements: [JSONTree], depth: Int) throws {
        guard depth < Self.maximumDepth else { throw NestingTooDeep() }
        bytes.append(UInt8(ascii: "["))
        if prettyPrinted {
            bytes.append(UInt8(ascii: "\n"))
            indent += 1
        }
        for (index, element) in elements.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
                if prettyPrinted { bytes.append(UInt8(ascii: "\n")) }
            }
            if prettyPrinted { writeIndent() }
            do {
                try write(element, depth: depth)
            } catch var error as NestingTooDeep {
                error.codingPath.insert(JSONCodingKey(index: index), at: 0)
                throw error
            }
        }
        if prettyPrinted {
            // Even an empty array gets the newline pair: Foundation writes "[\n\n]".
            bytes.append(UInt8(ascii: "\n"))
            indent -= 1
            writeIndent()
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ members: [String: JSONTree], depth: Int) throws {
        guard depth < Self.maximumDepth else { throw NestingTooDeep() }
        bytes.append(UInt8(ascii: "{"))
        if prettyPrinted {
            bytes.append(UInt8(ascii: "\n"))
            indent += 1
        }
        // Foundation's `.sortedKeys` on Linux (and in swift-foundation everywhere, unless an old
        // Darwin SDK is linked) compares the keys' UTF-8 bytes: "1" < "10" < "2" < "A" < "Z" < "_"
        // < "a" < "~" < "é" < "😀", with no case folding, no numeric ordering and no normalisation
        // (a decomposed "a\u{301}" sorts right after "a", before "b").
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (index, member) in sorted.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
                if prettyPrinted { bytes.append(UInt8(ascii: "\n")) }
            }
            if prettyPrinted { writeIndent() }
            writeString(member.key)
            if prettyPrinted {
                append(" : ")
            } else {
                bytes.append(UInt8(ascii: ":"))
            }
            do {
                try write(member.value, depth: depth)
            } catch var error as NestingTooDeep {
                error.codingPath.insert(JSONCodingKey(stringValue: member.key), at: 0)
                throw error
            }
        }
        if prettyPrinted {
            bytes.append(UInt8(ascii: "\n"))
            indent -= 1
            writeIndent()
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func writeIndent() {
        for _ in 0..<indent {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Foundation's escapes exactly: `"` and `\`, the five short forms `\b \f \n \r \t`, other
    /// controls below 0x20 as `\u00xx` with lower-case hex; DEL, `/`, U+2028/2029 and all other
    /// non-ASCII go out raw (the input is a Swift string, so it is valid UTF-8 already).
    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                if runStart < index {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                }
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    append("u00")
                    bytes.append(Self.lowerHexDigit(byte >> 4))
                    bytes.append(Self.lowerHexDigit(byte & 0x0F))
                }
                index += 1
                runStart = index
            }
            if runStart < count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func lowerHexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
