/// Minimal JSON string writing for the runtime's own documents (error bodies, log lines): these are written
/// on every invocation, so they avoid a `JSONEncoder` round trip.
enum JSONText {
    static func appendString(_ value: String, to out: inout String) {
        out.append("\"")
        appendEscaped(value, to: &out)
        out.append("\"")
    }

    /// The characters of a JSON string without its quotes: also how a text log line keeps a value that came
    /// from outside (a webhook's `$ID`) on its one line, unable to forge another.
    static func appendEscaped(_ value: String, to out: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            // U+2028/2029 are valid JSON but break JavaScript log viewers that eval lines.
            case "\u{2028}": out.append("\\u2028")
            case "\u{2029}": out.append("\\u2029")
            default:
                if scalar.value < 0x20 {
                    out.append("\\u00")
                    out.append(hexDigit(scalar.value >> 4))
                    out.append(hexDigit(scalar.value & 0xF))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    private static func hexDigit(_ value: UInt32) -> Character {
        Character(Unicode.Scalar(UInt8(value < 10 ? 48 + value : 87 + value)))
    }
}
