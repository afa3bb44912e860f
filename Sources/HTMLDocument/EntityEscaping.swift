/// The character-entity escaping that Slack mrkdwn and HTML share; HTML attributes also need quotes escaped.
///
/// It works on UTF-8 bytes, not `Character`s: a quote followed by a combining mark is one `Character`
/// (`"\u{301}`) that compares unequal to `"`, yet an HTML parser still sees the quote and ends the attribute.
package enum EntityEscaping {
    package static func escape(_ text: some StringProtocol, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        append(text, quotes: quotes, to: &out)
        return out
    }

    /// Appends the escaped text to `out`: a report of many thousand rows is built in one string.
    package static func append(_ text: some StringProtocol, quotes: Bool, to out: inout String) {
        let utf8 = text.utf8
        var copied = utf8.startIndex
        var index = copied
        while index != utf8.endIndex {
            let entity: String? = switch utf8[index] {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\"") where quotes: "&quot;"
            case UInt8(ascii: "'") where quotes: "&#39;"
            default: nil
            }
            if let entity {
                // An ASCII byte is always a scalar boundary, so both slices are whole text.
                out += text[copied..<index]
                out += entity
                copied = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += text[copied..<utf8.endIndex]
    }
}
