/// One pass over the whole input before any markup is read, so that everything after it may take the
/// bytes as well-formed UTF-8 holding only characters XML allows: the scanner then decodes without
/// checks, and `String(decoding:as:)` never has to repair anything.
enum UTF8Validation {
    /// The offset and reason of the first byte that is not UTF-8, or that starts a character XML
    /// forbids (controls other than tab, LF and CR; U+FFFE and U+FFFF). Surrogates are not UTF-8.
    static func firstProblem(in bytes: [UInt8]) -> (offset: Int, reason: XMLError.Reason)? {
        var index = 0
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead < 0x20 && !XMLCharacters.isWhitespace(lead) {
                    return (index, .forbiddenCharacter(UInt32(lead)))
                }
                index += 1
                continue
            }
            // The second byte's range is what excludes overlong forms, surrogates and values past U+10FFFF.
            let length: Int
            let second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return (index, .invalidUTF8(byte: lead))
            }
            guard index + 1 < end, second.contains(bytes[index + 1]) else {
                return (index, .invalidUTF8(byte: lead))
            }
            var continuation = index + 2
            while continuation < index + length {
                guard continuation < end, bytes[continuation] & 0xC0 == 0x80 else {
                    return (index, .invalidUTF8(byte: lead))
                }
                continuation += 1
            }
            if lead == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                return (index, .forbiddenCharacter(0xFFF0 | UInt32(bytes[index + 2] & 0x0F)))
            }
            index += length
        }
        return nil
    }
}
