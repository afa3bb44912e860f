/// Start and end tags, and the names in them.
extension XMLScanner {
    mutating func scanStartTag() throws(XMLError) -> StartTag {
        let start = offset
        offset += 1
        let qualifiedName = try scanName()
        // The local name is what AWS callers match on; the prefix only has to be well-formed.
        let name = string(try split(qualifiedName).local)
        var attributes: [String: String] = [:]
        var namespaceDeclarations: Set<String> = []
        var count = 0
        while true {
            let separated = skipWhitespace()
            switch byte(at: offset) {
            case UInt8(ascii: ">"):
                offset += 1
                return StartTag(name: name, qualifiedName: qualifiedName, attributes: attributes, isSelfClosing: false, offset: start)
            case UInt8(ascii: "/"):
                guard byte(at: offset + 1) == UInt8(ascii: ">") else {
                    throw error(.expected("'>' after '/'", found: found(at: offset + 1)), at: offset + 1)
                }
                offset += 2
                return StartTag(name: name, qualifiedName: qualifiedName, attributes: attributes, isSelfClosing: true, offset: start)
            default:
                guard separated, offset < bytes.count else {
                    throw error(.expected("whitespace, '>' or '/>'", found: found(at: offset)), at: offset)
                }
                count += 1
                guard count <= limits.maxAttributesPerElement else {
                    throw error(.tooManyAttributes(limit: limits.maxAttributesPerElement), at: offset)
                }
                let attributeName = try scanName()
                let (prefix, local) = try split(attributeName)
                skipWhitespace()
                try expect(UInt8(ascii: "="), "'=' after an attribute name")
                skipWhitespace()
                let value = try scanAttributeValue()
                // Namespace declarations go with the prefixes they bind; still, one declared twice is a duplicate.
                if bytes[prefix ?? local].elementsEqual("xmlns".utf8) {
                    guard namespaceDeclarations.insert(string(attributeName)).inserted else {
                        throw error(.duplicateAttribute(XMLError.excerpt(bytes[attributeName])), at: attributeName.lowerBound)
                    }
                    continue
                }
                guard attributes.updateValue(value, forKey: string(local)) == nil else {
                    throw error(.duplicateAttribute(XMLError.excerpt(bytes[local])), at: attributeName.lowerBound)
                }
            }
        }
    }

    mutating func scanEndTag() throws(XMLError) -> EndTag {
        let start = offset
        offset += 2
        let qualifiedName = try scanName()
        skipWhitespace()
        try expect(UInt8(ascii: ">"), "'>' to close the end tag")
        return EndTag(qualifiedName: qualifiedName, offset: start)
    }

    /// A `Name` (§2.3), at most `maxNameLength` bytes.
    mutating func scanName() throws(XMLError) -> Range<Int> {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                guard offset == start ? XMLCharacters.isNameStart(ascii: byte) : XMLCharacters.isName(ascii: byte) else { break }
                offset += 1
            } else {
                let (scalar, length) = decode(at: offset)
                guard offset == start ? XMLCharacters.isNameStart(scalar) : XMLCharacters.isName(scalar) else { break }
                offset += length
            }
            guard offset - start <= limits.maxNameLength else {
                throw error(.nameTooLong(limit: limits.maxNameLength), at: start)
            }
        }
        guard offset > start else { throw error(.expected("a name", found: found(at: offset)), at: offset) }
        return start..<offset
    }

    /// `prefix:local` split as Namespaces in XML §3 has it: one colon at most, with a name on each side.
    private func split(_ name: Range<Int>) throws(XMLError) -> (prefix: Range<Int>?, local: Range<Int>) {
        guard let colon = bytes[name].firstIndex(of: UInt8(ascii: ":")) else { return (nil, name) }
        let local = (colon + 1)..<name.upperBound
        guard colon > name.lowerBound, !local.isEmpty, !bytes[local].contains(UInt8(ascii: ":")),
            XMLCharacters.isNameStart(decode(at: local.lowerBound).scalar)
        else {
            throw error(.invalidQualifiedName(XMLError.excerpt(bytes[name])), at: name.lowerBound)
        }
        return (name.lowerBound..<colon, local)
    }
}
