/// A parsed document: the input bytes and one node per JSON value in document order (an object's
/// members are key node, value node, key node, …). Strings and numbers are not converted while
/// parsing — only what a `Decodable` asks for is — but everything has been validated already.
final class JSONDocument {
    let bytes: [UInt8]
    let nodes: [JSONNode]

    init(bytes: [UInt8], nodes: [JSONNode]) {
        self.bytes = bytes
        self.nodes = nodes
    }
}

/// 16 bytes per value, so a 10 MB document of small numbers stays within a few times its size;
/// the parser refuses inputs whose offsets would not fit in 32 bits.
struct JSONNode {
    enum Kind: UInt8 {
        case null, `true`, `false`, number, string, array, object
    }

    /// Strings: at least one backslash escape, so the bytes cannot be used as they are.
    static let hasEscapes: UInt8 = 1
    /// Strings: some byte is not ASCII, so key comparison must go through `String ==` (which
    /// treats canonically equivalent spellings as equal, as Foundation's dictionary lookup does).
    static let hasNonASCII: UInt8 = 2
    /// Numbers: a fraction or an exponent, so the integer fast path does not apply.
    static let hasFractionOrExponent: UInt8 = 4

    var kind: Kind
    var flags: UInt8
    /// Scalars: the first byte (for strings, the one after the opening quote). Containers: the
    /// opening bracket.
    var offset: UInt32
    /// Scalars: byte count (strings without their quotes). Containers: element or member count.
    var length: UInt32
    /// The index of the first node after this value's subtree: how siblings are reached in O(1).
    var end: UInt32
}

extension JSONDocument {
    func kind(_ node: Int) -> JSONNode.Kind {
        nodes[node].kind
    }

    func next(after node: Int) -> Int {
        Int(nodes[node].end)
    }

    /// The string a string node holds, escapes resolved.
    func string(_ node: Int) -> String {
        let info = nodes[node]
        let start = Int(info.offset)
        let end = start + Int(info.length)
        return bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if info.flags & JSONNode.hasEscapes == 0 {
                return String(decoding: raw, as: UTF8.self)
            }
            return Self.unescape(raw)
        }
    }

    /// Whether a string node spells exactly `key`. Plain ASCII on both sides compares bytes;
    /// anything else compares Strings, so "é" finds "e\u{301}" as it does in Foundation.
    func stringNode(_ node: Int, equals key: String, keyIsASCII: Bool) -> Bool {
        let info = nodes[node]
        if info.flags == 0 && keyIsASCII {
            guard key.utf8.count == Int(info.length) else { return false }
            let start = Int(info.offset)
            return bytes.withUnsafeBufferPointer { buffer in
                var index = start
                for byte in key.utf8 {
                    if buffer[index] != byte { return false }
                    index += 1
                }
                return true
            }
        }
        return string(node) == key
    }

    /// The parser has validated every escape (surrogates paired), so this only translates.
    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexValue(raw, at: index)
                index += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    let low = hexValue(raw, at: index + 2)
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(scalar, to: &output)
            default:
                // `"`, `\` and `/` stand for themselves.
                output.append(escape)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func hexValue(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            value = value << 4 | UInt32(JSONParser.hexDigitValue(raw[index + offset]))
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
