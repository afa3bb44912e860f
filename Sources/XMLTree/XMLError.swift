/// Why a document was refused, and where: `line` and `column` are 1-based positions in the input,
/// the column counted in Unicode scalars (a tab is one) and a line ended by LF, CR or CR LF.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let reason: Reason

    public init(_ reason: Reason, line: Int, column: Int) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    public var description: String {
        "XML line \(line), column \(column): \(reason)"
    }

    /// What went wrong. A `String` payload is an excerpt of the input of at most 40 characters,
    /// so an error never carries a document, or a secret in it, into a log.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case inputTooLarge(limit: Int)
        case invalidUTF8(byte: UInt8)
        case forbiddenCharacter(UInt32)
        case doctypeNotAllowed
        case misplacedXMLDeclaration
        case malformedXMLDeclaration
        case unsupportedEncoding(String)
        case unterminatedComment
        case doubleHyphenInComment
        case unterminatedCDATA
        case cdataOutsideRootElement
        case cdataEndInText
        case unterminatedProcessingInstruction
        /// `found` is what stands there instead, empty at the end of the input.
        case expected(String, found: String)
        case nameTooLong(limit: Int)
        case invalidQualifiedName(String)
        case unterminatedAttributeValue
        case lessThanInAttributeValue
        case duplicateAttribute(String)
        case tooManyAttributes(limit: Int)
        case bareAmpersand
        case unterminatedReference(String)
        case unknownEntity(String)
        case malformedCharacterReference(String)
        case invalidCharacterReference(String)
        case mismatchedEndTag(found: String, expected: String)
        case unexpectedEndTag(String)
        case unclosedElement(String)
        case textOutsideRootElement
        case multipleRootElements
        case noRootElement
        case tooDeep(limit: Int)

        public var description: String {
            switch self {
            case .inputTooLarge(let limit): "input larger than \(limit) bytes"
            case .invalidUTF8(let byte): "invalid UTF-8 (byte 0x\(hex(UInt32(byte), digits: 2)))"
            case .forbiddenCharacter(let scalar): "character U+\(hex(scalar, digits: 4)) is not allowed in XML"
            case .doctypeNotAllowed: "a DOCTYPE is not accepted"
            case .misplacedXMLDeclaration: "the XML declaration must start the document"
            case .malformedXMLDeclaration: "malformed XML declaration"
            case .unsupportedEncoding(let name): "encoding \(quoted(name)) is not supported (only UTF-8)"
            case .unterminatedComment: "unterminated comment"
            case .doubleHyphenInComment: "'--' inside a comment"
            case .unterminatedCDATA: "unterminated CDATA section"
            case .cdataOutsideRootElement: "CDATA section outside the root element"
            case .cdataEndInText: "']]>' in text"
            case .unterminatedProcessingInstruction: "unterminated processing instruction"
            case .expected(let expected, let found): "expected \(expected), found \(found.isEmpty ? "the end of the input" : quoted(found))"
            case .nameTooLong(let limit): "name longer than \(limit) bytes"
            case .invalidQualifiedName(let name): "\(quoted(name)) is not a valid prefixed name"
            case .unterminatedAttributeValue: "unterminated attribute value"
            case .lessThanInAttributeValue: "'<' in an attribute value"
            case .duplicateAttribute(let name): "duplicate attribute \(quoted(name))"
            case .tooManyAttributes(let limit): "more than \(limit) attributes on one element"
            case .bareAmpersand: "'&' that starts no reference (write &amp;)"
            case .unterminatedReference(let reference): "reference \(quoted(reference)) has no ';'"
            case .unknownEntity(let reference): "unknown entity \(quoted(reference))"
            case .malformedCharacterReference(let reference): "malformed character reference \(quoted(reference))"
            case .invalidCharacterReference(let reference): "\(quoted(reference)) refers to a character XML forbids"
            case .mismatchedEndTag(let found, let expected): "end tag </\(found)> does not match <\(expected)>"
            case .unexpectedEndTag(let name): "end tag </\(name)> without a start tag"
            case .unclosedElement(let name): "element <\(name)> is never closed"
            case .textOutsideRootElement: "text outside the root element"
            case .multipleRootElements: "a second root element"
            case .noRootElement: "no root element"
            case .tooDeep(let limit): "elements nested deeper than \(limit)"
            }
        }

        private func quoted(_ excerpt: String) -> String {
            var result = "'"
            for scalar in excerpt.unicodeScalars {
                switch scalar {
                case "\t": result += "\\t"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "'"
        }

        private func hex(_ value: UInt32, digits: Int) -> String {
            let text = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
    }
}

extension XMLError {
    /// The most of the input an error quotes.
    static let excerptLength = 40

    /// An error at a byte offset of the input, resolved to a line and column only now: the scanner
    /// never counts lines, which keeps that cost off every document that parses.
    init(_ reason: Reason, at offset: Int, in bytes: [UInt8]) {
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                line += 1
                column = 1
                if byte == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A {
                    index += 1
                }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.init(reason, line: line, column: column)
    }

    /// At most `limit` characters of `bytes` (well-formed UTF-8), marked with "…" when cut.
    static func excerpt(_ bytes: ArraySlice<UInt8>, limit: Int = excerptLength) -> String {
        // 4 bytes per scalar at most: the prefix holds the first `limit` scalars whole.
        let decoded = String(decoding: bytes.prefix(limit * 4), as: UTF8.self).unicodeScalars
        guard decoded.count > limit || bytes.count > limit * 4 else { return String(decoded) }
        var result = ""
        result.unicodeScalars.append(contentsOf: decoded.prefix(limit))
        return result + "…"
    }

    static func excerpt(_ text: String, limit: Int = excerptLength) -> String {
        excerpt(ArraySlice(text.utf8.prefix(limit * 4 + 1)), limit: limit)
    }
}
