/// The character classes of the XML 1.0 grammar (fifth edition), on Unicode scalar values.
enum XMLCharacters {
    /// `S` (§2.3).
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// `Char` (§2.2): what a document, and a character reference, may hold.
    static func isAllowed(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: true
        default: false
        }
    }

    /// `NameStartChar` for an ASCII byte, from a bit set: names are most of what a response holds.
    static func isNameStart(ascii byte: UInt8) -> Bool {
        contains(byte, low: 0x0400_0000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)  // : A-Z _ a-z
    }

    /// `NameChar` for an ASCII byte.
    static func isName(ascii byte: UInt8) -> Bool {
        contains(byte, low: 0x07FF_6000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)  // - . 0-9 : A-Z _ a-z
    }

    private static func contains(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        byte < 64 ? low >> byte & 1 == 1 : high >> (byte & 63) & 1 == 1
    }

    /// `NameStartChar` (§2.3).
    static func isNameStart(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x3A: true  // A-Z a-z _ :
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
            0x1_0000...0xE_FFFF:
            true
        default: false
        }
    }

    /// `NameChar` (§2.3).
    static func isName(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x30...0x39, 0x2D, 0x2E, 0xB7, 0x300...0x36F, 0x203F...0x2040: true  // 0-9 - . and combining marks
        default: isNameStart(scalar)
        }
    }
}
