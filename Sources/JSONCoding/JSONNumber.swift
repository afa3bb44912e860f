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
        } else if let integer = try? container.decode(UInt64.self) {
            text = String(integer)
        } else {
            let value = try container.decode(Double.self)
            guard value.isFinite else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is not a JSON number")
            }
            text = String(describing: value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let integer = Int64(text) {
            try container.encode(integer)
        } else if let integer = UInt64(text) {
            try container.encode(integer)
        } else {
            try container.encode(Double(text) ?? .nan)
        }
    }

    /// The value in plain decimal notation, as Foundation's `Decimal` printed it: no exponent, no `+`,
    /// no leading zeros, no trailing zeros after the point (`1.602010811E9` is `1602010811`, `3.0` is `3`,
    /// `-0` is `0`). Digits are shifted, never rounded. A number whose exponent would spell more than 1,000
    /// zeros is left as written.
    public var plainDecimalText: String {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var pointPosition = 0
        var seenPoint = false
        var exponent = 0
        while let byte = bytes.first {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let value = Int(String(decoding: bytes, as: UTF8.self)), abs(value) <= 1_000 else { return text }
                exponent = value
                break
            } else {
                digits.append(byte)
                if !seenPoint { pointPosition += 1 }
            }
        }
        pointPosition += exponent
        if pointPosition < 0 {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: -pointPosition), at: 0)
            pointPosition = 0
        } else if pointPosition > digits.count {
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: pointPosition - digits.count))
        }
        var whole = digits[..<pointPosition].drop { $0 == UInt8(ascii: "0") }
        var fraction = digits[pointPosition...]
        while fraction.last == UInt8(ascii: "0") { fraction = fraction.dropLast() }
        if whole.isEmpty { whole = [UInt8(ascii: "0")][...] }
        if whole == [UInt8(ascii: "0")][...] && fraction.isEmpty { return "0" }
        var output: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        output.append(contentsOf: whole)
        if !fraction.isEmpty {
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: fraction)
        }
        return String(decoding: output, as: UTF8.self)
    }

    public var description: String { text }
}
