/// The entry point: a whole document in, its root element out.
public enum XMLDocument {
    /// Parses UTF-8 bytes (a byte order mark is allowed) and returns the root element.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .init()) throws(XMLError) -> XMLElement {
        guard bytes.count <= limits.maxBytes else {
            throw XMLError(.inputTooLarge(limit: limits.maxBytes), line: 1, column: 1)
        }
        if let problem = UTF8Validation.firstProblem(in: bytes) {
            throw XMLError(problem.reason, at: problem.offset, in: bytes)
        }
        var scanner = XMLScanner(bytes: bytes, limits: limits)
        return try XMLTreeBuilder.build(&scanner, maxDepth: limits.maxDepth)
    }

    /// Parses a document already held as a `String`.
    public static func parse(_ text: String, limits: XMLLimits = .init()) throws(XMLError) -> XMLElement {
        guard text.utf8.count <= limits.maxBytes else {
            throw XMLError(.inputTooLarge(limit: limits.maxBytes), line: 1, column: 1)
        }
        return try parse(Array(text.utf8), limits: limits)
    }
}
