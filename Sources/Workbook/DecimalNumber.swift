/// A number kept as the exact decimal text it came as (`1234.56`, `-0.0000001`, `1.5E-7`): amounts
/// from Cost Explorer are decimal strings, and going through `Double` would write `1234.5599999999999`
/// into the file. Excel reads the text itself, to its 15 significant digits.
public struct DecimalNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number as written into the file and CSV: the text given, less a leading `+`.
    public let text: String

    /// Accepts `[+-]digits[.digits][(e|E)[+-]digits]` below 10^308: the numbers that both XML Schema's
    /// `double` (what the file holds) and Excel's CSV import read as finite numbers.
    public init(_ text: String) throws(WorkbookError) {
        guard DecimalNumber.isValid(Array(text.utf8)) else { throw .invalidDecimal(text) }
        self.text = text.first == "+" ? String(text.dropFirst()) : text
    }

    public init(_ value: Int) {
        text = String(value)
    }

    public var description: String { text }

    private static func isValid(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return bytes[start..<index]
        }
        func skip(_ characters: UInt8...) -> Bool {
            guard index < bytes.count, characters.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        _ = skip(UInt8(ascii: "+"), UInt8(ascii: "-"))
        let integer = digits()
        guard !integer.isEmpty else { return false }
        if skip(UInt8(ascii: ".")), digits().isEmpty { return false }
        var exponent = 0
        if skip(UInt8(ascii: "e"), UInt8(ascii: "E")) {
            let negative = bytes[index...].first == UInt8(ascii: "-")
            _ = skip(UInt8(ascii: "+"), UInt8(ascii: "-"))
            let exponentDigits = digits()
            // More than four digits is past any double either way; an underflow reads as zero, harmlessly.
            guard !exponentDigits.isEmpty, exponentDigits.count <= 4 else { return false }
            exponent = exponentDigits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } * (negative ? -1 : 1)
        }
        // The decimal magnitude: how many integer digits the number has once the exponent is applied.
        let significantIntegerDigits = integer.drop { $0 == UInt8(ascii: "0") }.count
        return index == bytes.count && significantIntegerDigits + exponent <= 308
    }
}
