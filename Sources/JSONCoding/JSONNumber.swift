/// A JSON number as it is written, for values that must not pass through `Double`: AWS answers carry
/// 19-digit ids and decimal text that a binary floating point value would round. `JSONDecoding` hands
/// over the document's own spelling and `JSONEncoding` writes `text` back verbatim. Other coders (which
/// know nothing of this type) see an integer or a `Double`.
public struct JSONNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public let text: String

    /// Nil unless `text` is a number in RFC 8259's grammar (no sign `+`, no leading zeros, no `.5`, no NaN).
    public init?(_ text: String) {
        // The parser allows whitespace around a document; a number's text has none.
        guard let document = try? JSONParser.parse(Array(text.utf8), maximumDepth: 1),
              document.nodes.count == 1, document.nodes[0].kind == .number, Int(document.nodes[0].length) == text.utf8.count
        else { return nil }
        self.text = text
    }

    init(validated text: String) {
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            text = String(integer)
        } else {
            text = String(describing: try container.decode(Double.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let integer = Int64(text) {
            try container.encode(integer)
        } else {
            try container.encode(Double(text) ?? .nan)
        }
    }

    public var description: String { text }
}
