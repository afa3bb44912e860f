/// Text and attribute values for writing XML: whatever a value holds, the document written stays
/// well-formed and `XMLDocument.parse` reads the value back, less the characters XML 1.0 cannot carry
/// at all (controls other than tab, LF and CR; U+FFFE, U+FFFF), which are dropped.
public enum XMLEscaping {
    /// Character data: `&`, `<` and `>` escaped (`>` too, so a `]]>` in the value stays text), and a CR
    /// written `&#13;`, since a parser reads a literal one as LF.
    public static func text(_ value: String) -> String {
        escaped(value, inAttribute: false)
    }

    /// An attribute value for either quote: `"` and `'` escaped as well, and tab, LF and CR written as
    /// references, since a parser reads literal ones as spaces.
    public static func attribute(_ value: String) -> String {
        escaped(value, inAttribute: true)
    }

    /// `text(value)` appended to `output`, copying unescaped runs straight from `value`.
    public static func append(text value: String, to output: inout String) {
        append(value, to: &output, inAttribute: false)
    }

    /// `attribute(value)` appended to `output`, copying unescaped runs straight from `value`.
    public static func append(attribute value: String, to output: inout String) {
        append(value, to: &output, inAttribute: true)
    }

    private static func escaped(_ value: String, inAttribute: Bool) -> String {
        var output = ""
        append(value, to: &output, inAttribute: inAttribute)
        return output
    }

    private static func append(_ value: String, to output: inout String, inAttribute: Bool) {
        let appended: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
            append(bytes, of: value, to: &output, inAttribute: inAttribute)
        }
        if appended == nil {
            // Only a string bridged lazily from Objective-C lacks contiguous UTF-8; a native copy has it.
            var native = value
            native.makeContiguousUTF8()
            append(native, to: &output, inAttribute: inAttribute)
        }
    }

    /// Scans `bytes` (the UTF-8 of `value`) and copies the runs between replacements from `value`
    /// itself. Every byte replaced or dropped is ASCII or starts U+FFFE/U+FFFF, so runs begin and end
    /// on scalar boundaries.
    private static func append(
        _ bytes: UnsafeBufferPointer<UInt8>, of value: String, to output: inout String, inAttribute: Bool
    ) {
        var run = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard needsAttention(byte, inAttribute: inAttribute) else {
                index += 1
                continue
            }
            var next = index + 1
            let replacement: String
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&apos;"
            case 0x0D: replacement = "&#13;"
            case 0x0A: replacement = "&#10;"
            case 0x09: replacement = "&#9;"
            case 0xEF:
                guard index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE else {
                    index += 1
                    continue
                }
                replacement = ""  // U+FFFE or U+FFFF
                next = index + 3
            default: replacement = ""  // a control character: XML 1.0 has no way to write it
            }
            append(run..<index, of: value, to: &output)
            output += replacement
            index = next
            run = next
        }
        if run == 0 {
            output += value
        } else {
            append(run..<bytes.count, of: value, to: &output)
        }
    }

    private static func append(_ run: Range<Int>, of value: String, to output: inout String) {
        let utf8 = value.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: run.lowerBound)
        let upper = utf8.index(lower, offsetBy: run.count)
        output.append(contentsOf: Substring(utf8[lower..<upper]))
    }

    private static func needsAttention(_ byte: UInt8, inAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x0D, 0xEF: true
        case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x09, 0x0A: inAttribute
        case 0x00..<0x20: true
        default: false
        }
    }
}
