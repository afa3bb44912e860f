/// Digit-level reading and writing of the fixed-width numbers in dates, times and offsets.
/// `String(format:)` would do the padding but drags in ICU-backed Foundation (SPEC §2).
package enum DecimalText {
    package static func append(_ value: Int, width: Int, to out: inout String) {
        if value < 0 { out += "-" }
        let digits = String(value.magnitude)
        if digits.count < width { out += String(repeating: "0", count: width - digits.count) }
        out += digits
    }

    package static func padded(_ value: Int, width: Int) -> String {
        var out = ""
        append(value, width: width, to: &out)
        return out
    }

    package static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

/// A forward-only reader over ASCII bytes for the small grammars of this layer (ISO 8601, POSIX TZ, HH:MM).
/// It never traps: every read checks the end, and numbers are bounded by digit count before they are built.
struct ASCIIScanner {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ text: Substring) { bytes = Array(text.utf8) }
    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { position >= bytes.count }
    var peek: UInt8? { isAtEnd ? nil : bytes[position] }
    /// Consumes `byte` when it is next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// Exactly `count` digits.
    mutating func digits(_ count: Int) -> Int? {
        digits(min: count, max: count)
    }

    /// Between `min` and `max` digits (greedy); `max` is small, so the value cannot overflow.
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var taken = 0
        while taken < max, let byte = peek, DecimalText.isDigit(byte) {
            value = value * 10 + Int(byte - 0x30)
            taken += 1
            position += 1
        }
        return taken >= min ? value : nil
    }

    /// Runs `read` over the whole of `text`: a value only when it consumed every byte, else the typed error
    /// that the public `init(parsing:)` of each calendar value throws.
    static func parseEntire<Value>(
        _ text: some StringProtocol, as kind: TimeParseError.Kind, expected: String,
        _ read: (inout ASCIIScanner) -> Value?
    ) throws(TimeParseError) -> Value {
        var scanner = ASCIIScanner(String(text))
        guard let value = read(&scanner), scanner.isAtEnd else { throw TimeParseError(kind, text, expected: expected) }
        return value
    }

    /// Takes bytes while `predicate` holds.
    mutating func take(while predicate: (UInt8) -> Bool) -> [UInt8] {
        let start = position
        while let byte = peek, predicate(byte) { position += 1 }
        return Array(bytes[start..<position])
    }
}
