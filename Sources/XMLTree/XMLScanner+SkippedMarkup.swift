/// What the tree never holds: comments, processing instructions and the XML declaration.
extension XMLScanner {
    mutating func skipComment() throws(XMLError) {
        let start = offset
        offset += 4
        while offset + 2 < bytes.count {
            if bytes[offset] == UInt8(ascii: "-") && bytes[offset + 1] == UInt8(ascii: "-") {
                guard bytes[offset + 2] == UInt8(ascii: ">") else { throw error(.doubleHyphenInComment, at: offset) }
                offset += 3
                return
            }
            offset += 1
        }
        throw error(.unterminatedComment, at: start)
    }

    mutating func skipProcessingInstruction() throws(XMLError) {
        let start = offset
        offset += 2
        let target = try scanName()
        if bytes[target].elementsEqual("xml".utf8) {
            guard start == declarationOffset else { throw error(.misplacedXMLDeclaration, at: start) }
            return try scanDeclaration(from: start)
        }
        // Every other capitalisation of "xml" is reserved too (§2.6).
        if bytes[target].lazy.map({ $0 | 0x20 }).elementsEqual("xml".utf8) {
            throw error(.malformedXMLDeclaration, at: start)
        }
        if !hasPrefix("?>") {
            guard offset < bytes.count, XMLCharacters.isWhitespace(bytes[offset]) else {
                throw error(.expected("whitespace or '?>' after the target", found: found(at: offset)), at: offset)
            }
        }
        while offset + 1 < bytes.count {
            if bytes[offset] == UInt8(ascii: "?") && bytes[offset + 1] == UInt8(ascii: ">") {
                offset += 2
                return
            }
            offset += 1
        }
        throw error(.unterminatedProcessingInstruction, at: start)
    }

    /// The XML declaration (§2.8): `version`, then optionally `encoding` and `standalone`, in that order.
    /// Only the encoding matters here, and only to refuse one other than UTF-8 (or its ASCII subset).
    private mutating func scanDeclaration(from start: Int) throws(XMLError) {
        let names = ["version", "encoding", "standalone"]
        var next = 0
        while true {
            let separated = skipWhitespace()
            if hasPrefix("?>") {
                guard next > 0 else { throw error(.malformedXMLDeclaration, at: offset) }
                offset += 2
                return
            }
            guard offset < bytes.count else { throw error(.unterminatedProcessingInstruction, at: start) }
            let nameStart = offset
            let name = string(try scanName())
            guard separated, let position = names[next...].firstIndex(of: name), next > 0 || position == 0 else {
                throw error(.malformedXMLDeclaration, at: nameStart)
            }
            next = position + 1
            skipWhitespace()
            try expect(UInt8(ascii: "="), "'=' in the XML declaration")
            skipWhitespace()
            let valueStart = offset
            let value = try scanAttributeValue()
            switch name {
            case "version":
                let digits = value.utf8.dropFirst(2)
                guard value.hasPrefix("1."), !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
                    throw error(.malformedXMLDeclaration, at: valueStart)
                }
            case "encoding":
                guard ["utf-8", "us-ascii"].contains(value.lowercased()) else {
                    throw error(.unsupportedEncoding(XMLError.excerpt(value)), at: valueStart)
                }
            default:
                guard value == "yes" || value == "no" else { throw error(.malformedXMLDeclaration, at: valueStart) }
            }
        }
    }
}
