/// Text, CDATA sections and attribute values, with the references in them decoded.
extension XMLScanner {
    /// Text up to the next markup, references decoded and line ends normalised to LF (§2.11).
    mutating func scanText(into text: inout [UInt8]) throws(XMLError) {
        var run = offset
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "<"):
                text.append(contentsOf: bytes[run..<offset])
                return
            case UInt8(ascii: "&"):
                text.append(contentsOf: bytes[run..<offset])
                Self.append(try scanReference(), to: &text)
                run = offset
            case 0x0D:
                text.append(contentsOf: bytes[run..<offset])
                text.append(0x0A)
                skipLineEnd()
                run = offset
            // Markup always ends in '>' or ';', never in ']', so the two bytes before are text.
            case UInt8(ascii: ">") where offset >= 2 && bytes[offset - 1] == UInt8(ascii: "]") && bytes[offset - 2] == UInt8(ascii: "]"):
                throw error(.cdataEndInText, at: offset - 2)
            default:
                offset += 1
            }
        }
        text.append(contentsOf: bytes[run..<offset])
    }

    mutating func scanCDATA(into text: inout [UInt8]) throws(XMLError) {
        let start = offset
        offset += 9
        var run = offset
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "]") where hasPrefix("]]>"):
                text.append(contentsOf: bytes[run..<offset])
                offset += 3
                return
            case 0x0D:
                text.append(contentsOf: bytes[run..<offset])
                text.append(0x0A)
                skipLineEnd()
                run = offset
            default:
                offset += 1
            }
        }
        throw error(.unterminatedCDATA, at: start)
    }

    /// A quoted value with references decoded and whitespace normalised as §3.3.3 asks of CDATA-typed
    /// attributes (every attribute, without a DTD): a literal tab, LF, CR or CR LF becomes one space.
    mutating func scanAttributeValue() throws(XMLError) -> String {
        guard let quote = byte(at: offset), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw error(.expected("a quoted attribute value", found: found(at: offset)), at: offset)
        }
        let start = offset
        offset += 1
        var run = offset
        // Only a value that needed decoding is copied: most are taken from the input as they stand.
        var decoded: [UInt8] = []
        var isDecoded = false
        while offset < bytes.count {
            switch bytes[offset] {
            case quote:
                let end = offset
                offset += 1
                guard isDecoded else { return string(run..<end) }
                decoded.append(contentsOf: bytes[run..<end])
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw error(.lessThanInAttributeValue, at: offset)
            case UInt8(ascii: "&"):
                decoded.append(contentsOf: bytes[run..<offset])
                Self.append(try scanReference(), to: &decoded)
                isDecoded = true
                run = offset
            case 0x09, 0x0A, 0x0D:
                decoded.append(contentsOf: bytes[run..<offset])
                decoded.append(0x20)
                if bytes[offset] == 0x0D { skipLineEnd() } else { offset += 1 }
                isDecoded = true
                run = offset
            default:
                offset += 1
            }
        }
        throw error(.unterminatedAttributeValue, at: start)
    }


    /// `&name;` or `&#…;` (§4.1). Without a DTD, which is refused, the five predefined entities are all that exist.
    private mutating func scanReference() throws(XMLError) -> Unicode.Scalar {
        let start = offset
        offset += 1
        if byte(at: offset) == UInt8(ascii: "#") {
            return try scanCharacterReference(from: start)
        }
        for entity in Self.predefinedEntities where hasPrefix(entity.reference) {
            offset += entity.reference.utf8CodeUnitCount
            return entity.scalar
        }
        // Not one of the five: say what is wrong with it.
        guard offset < bytes.count, XMLCharacters.isNameStart(decode(at: offset).scalar) else {
            throw error(.bareAmpersand, at: start)
        }
        _ = try scanName()
        guard byte(at: offset) == UInt8(ascii: ";") else {
            throw error(.unterminatedReference(XMLError.excerpt(bytes[start..<offset])), at: start)
        }
        throw error(.unknownEntity(XMLError.excerpt(bytes[start...offset])), at: start)
    }

    private static func append(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        UTF8.encode(scalar) { buffer.append($0) }
    }

    private static let predefinedEntities: [(reference: StaticString, scalar: Unicode.Scalar)] = [
        ("amp;", "&"), ("lt;", "<"), ("gt;", ">"), ("quot;", "\""), ("apos;", "'"),
    ]

    private mutating func scanCharacterReference(from start: Int) throws(XMLError) -> Unicode.Scalar {
        offset += 1
        let radix: UInt32 = byte(at: offset) == UInt8(ascii: "x") ? 16 : 10
        if radix == 16 { offset += 1 }
        let digits = offset
        var value: UInt32 = 0
        while let digit = digitValue(byte(at: offset), radix: radix) {
            // Clamped past the last code point: leading zeros are legal, so the digits have no bound.
            value = min(value * radix + digit, 0x11_0000)
            offset += 1
        }
        guard offset > digits, byte(at: offset) == UInt8(ascii: ";") else {
            let end = min(offset + 1, bytes.count)
            throw error(.malformedCharacterReference(XMLError.excerpt(bytes[start..<end])), at: start)
        }
        offset += 1
        guard XMLCharacters.isAllowed(value), let scalar = Unicode.Scalar(value) else {
            throw error(.invalidCharacterReference(XMLError.excerpt(bytes[start..<offset])), at: start)
        }
        return scalar
    }

    private func digitValue(_ byte: UInt8?, radix: UInt32) -> UInt32? {
        switch byte {
        case .some(let byte) where (0x30...0x39).contains(byte): UInt32(byte - 0x30)
        case .some(let byte) where radix == 16 && (0x61...0x66).contains(byte): UInt32(byte - 0x61 + 10)
        case .some(let byte) where radix == 16 && (0x41...0x46).contains(byte): UInt32(byte - 0x41 + 10)
        default: nil
        }
    }
}
