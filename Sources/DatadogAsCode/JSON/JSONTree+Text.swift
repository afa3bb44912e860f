extension JSONTree {
    /// The text Python writes with `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)`: keys in
    /// code-point order, `", "` turned into `","` and a new line, `": "` after keys, text as UTF-8 with only
    /// quotes, backslashes and control characters escaped, doubles as `repr` writes them. No trailing newline.
    public var indentedText: String {
        var output: [UInt8] = []
        write(to: &output, level: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], level: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .integer(let digits): output += digits.utf8
        case .double(let value): output += Self.pythonRepr(value).utf8
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]".utf8
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newLine(&output, level: level + 1)
                item.write(to: &output, level: level + 1)
            }
            Self.newLine(&output, level: level)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}".utf8
                return
            }
            output.append(UInt8(ascii: "{"))
            // UTF-8 order is code-point order, Python's order for keys; Swift's `<` on strings compares them by
            // canonical equivalence instead.
            for (index, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newLine(&output, level: level + 1)
                Self.writeString(member.key, to: &output)
                output += ": ".utf8
                member.value.write(to: &output, level: level + 1)
            }
            Self.newLine(&output, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newLine(_ output: inout [UInt8], level: Int) {
        output.append(0x0A)
        output += repeatElement(UInt8(ascii: " "), count: 2 * level)
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += "\\\"".utf8
            case UInt8(ascii: "\\"): output += "\\\\".utf8
            case 0x0A: output += "\\n".utf8
            case 0x0D: output += "\\r".utf8
            case 0x09: output += "\\t".utf8
            case 0x08: output += "\\b".utf8
            case 0x0C: output += "\\f".utf8
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += "\\u00".utf8
                output += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Python's `repr` of a float and Swift's `description` of a `Double` are both the shortest text that reads
    /// back as the same value, and both switch to an exponent (`1e+16`, `1e-05`) at the same points.
    static func pythonRepr(_ value: Double) -> String {
        value.description
    }
}
