/// The tokenizer: reads validated input (see `UTF8Validation`) into start tags, end tags and character
/// data, and skips what the tree never holds: the XML declaration, comments, processing instructions
/// and whitespace outside the root element. Nesting is the tree builder's business.
///
/// Every loop advances through the input and never returns to it, so a document costs time linear in
/// its size whatever it holds. Tags are read in `XMLScanner+Tags`, text, CDATA, attribute values and
/// references in `XMLScanner+CharacterData`, comments and processing instructions in `+SkippedMarkup`.
struct XMLScanner {
    enum Token {
        case startTag(StartTag)
        case endTag(EndTag)
        /// Text or a CDATA section, decoded and appended to the buffer passed to `next`.
        case characterData
        case endOfInput
    }

    struct StartTag {
        /// The local name: a namespace prefix is dropped.
        var name: String
        /// The name as written, `prefix:local`, which the end tag must repeat.
        var qualifiedName: Range<Int>
        var attributes: [String: String]
        var isSelfClosing: Bool
        var offset: Int
    }

    struct EndTag {
        var qualifiedName: Range<Int>
        var offset: Int
    }

    let bytes: [UInt8]
    let limits: XMLLimits
    /// Where reading stands: every byte before it has been consumed.
    var offset: Int
    /// The only place an XML declaration may stand: the very start, after a byte order mark.
    let declarationOffset: Int

    init(bytes: [UInt8], limits: XMLLimits) {
        self.bytes = bytes
        self.limits = limits
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        declarationOffset = offset
    }

    /// The next token. `inContent` says whether an element is open: outside the root only whitespace,
    /// comments and processing instructions may stand.
    mutating func next(inContent: Bool, text: inout [UInt8]) throws(XMLError) -> Token {
        while offset < bytes.count {
            guard bytes[offset] == UInt8(ascii: "<") else {
                if inContent {
                    try scanText(into: &text)
                    return .characterData
                }
                guard XMLCharacters.isWhitespace(bytes[offset]) else {
                    throw error(.textOutsideRootElement, at: offset)
                }
                offset += 1
                continue
            }
            switch byte(at: offset + 1) {
            case UInt8(ascii: "/"):
                return .endTag(try scanEndTag())
            case UInt8(ascii: "?"):
                try skipProcessingInstruction()
            case UInt8(ascii: "!"):
                if hasPrefix("<!--") {
                    try skipComment()
                } else if hasPrefix("<![CDATA[") {
                    guard inContent else { throw error(.cdataOutsideRootElement, at: offset) }
                    try scanCDATA(into: &text)
                    return .characterData
                } else if hasPrefix("<!DOCTYPE") {
                    throw error(.doctypeNotAllowed, at: offset)
                } else {
                    throw error(.expected("a comment or CDATA section after '<!'", found: found(at: offset + 2)), at: offset + 2)
                }
            default:
                return .startTag(try scanStartTag())
            }
        }
        return .endOfInput
    }

    // MARK: Bytes

    func byte(at position: Int) -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    func hasPrefix(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { literal in
            offset + literal.count <= bytes.count && bytes[offset..<(offset + literal.count)].elementsEqual(literal)
        }
    }

    /// The scalar starting at `position`: the input is valid UTF-8, so the lead byte gives the length.
    func decode(at position: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(bytes[position])
        switch lead {
        case 0..<0x80:
            return (lead, 1)
        case 0xC0..<0xE0:
            return ((lead & 0x1F) << 6 | continuation(position + 1), 2)
        case 0xE0..<0xF0:
            return ((lead & 0x0F) << 12 | continuation(position + 1) << 6 | continuation(position + 2), 3)
        default:
            let high = (lead & 0x07) << 18 | continuation(position + 1) << 12
            return (high | continuation(position + 2) << 6 | continuation(position + 3), 4)
        }
    }

    private func continuation(_ position: Int) -> UInt32 {
        UInt32(bytes[position] & 0x3F)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = offset
        while offset < bytes.count && XMLCharacters.isWhitespace(bytes[offset]) {
            offset += 1
        }
        return offset > start
    }

    /// Past a CR and the LF that may follow it, which together end one line.
    mutating func skipLineEnd() {
        offset += 1
        if byte(at: offset) == 0x0A { offset += 1 }
    }

    mutating func expect(_ expected: UInt8, _ description: String) throws(XMLError) {
        guard byte(at: offset) == expected else {
            throw error(.expected(description, found: found(at: offset)), at: offset)
        }
        offset += 1
    }

    /// The character at `position`, for `XMLError.Reason.expected`: empty at the end of the input.
    func found(at position: Int) -> String {
        guard position < bytes.count else { return "" }
        return string(position..<(position + decode(at: position).length))
    }

    func error(_ reason: XMLError.Reason, at position: Int) -> XMLError {
        XMLError(reason, at: position, in: bytes)
    }
}
