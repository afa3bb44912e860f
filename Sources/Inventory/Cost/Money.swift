/// An amount of money kept exactly: Cost Explorer writes amounts as decimal strings with up to ten or more
/// places (`0.0000001234`), and summing them through a binary float loses cents over a month of services.
/// Held as an integer count of 10⁻¹² units, which covers any real bill many times over.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    static let scaleDigits = 12
    static let scale: Int128 = 1_000_000_000_000
    /// Amounts beyond this are refused as malformed rather than risking overflow in sums (10¹⁸ units of money).
    static let largest: Int128 = 1_000_000_000_000_000_000 * scale

    /// The amount in 10⁻¹² units.
    public let units: Int128

    public static let zero = Money(units: 0)

    init(units: Int128) {
        self.units = units
    }

    public init(cents: Int64) {
        units = Int128(cents) * (Self.scale / 100)
    }

    /// Reads `123.4500`, `-0.01`, `1.5E-7`: an optional sign, digits, an optional fraction and exponent.
    /// Places beyond the twelfth round half to even. nil for anything else (empty, `NaN`, `1,234`).
    public init?(parsing text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        guard !bytes.isEmpty, bytes.count <= 64 else { return nil }
        var negative = false
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var exponent = 0
        if let marker = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard let value = Int(String(decoding: bytes[(marker + 1)...], as: UTF8.self)), abs(value) <= 40 else { return nil }
            exponent = value
            bytes = bytes[..<marker]
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        guard !digits.isEmpty else { return nil }
        // Value = digits × 10^(exponent − fractionDigits); in units, × 10^scaleDigits.
        let shift = exponent - fractionDigits + Self.scaleDigits
        var whole: Int128 = 0
        let keep = shift >= 0 ? digits.count : max(0, digits.count + shift)
        for digit in digits[..<keep] {
            guard whole < Self.largest else { return nil }
            whole = whole * 10 + Int128(digit)
        }
        let dropped = digits[keep...]
        if shift > 0 {
            for _ in 0..<shift {
                guard whole < Self.largest else { return nil }
                whole *= 10
            }
        }
        if let first = dropped.first {
            let rest = dropped.dropFirst().contains { $0 != 0 }
            if first > 5 || (first == 5 && (rest || whole % 2 == 1)) { whole += 1 }
        }
        guard whole <= Self.largest else { return nil }
        units = negative ? -whole : whole
    }

    /// Rounded to whole cents, halves away from zero as invoices round.
    public var roundedToCents: Money {
        let step = Self.scale / 100
        let magnitude = units.magnitude
        let remainder = magnitude % UInt128(step)
        var rounded = magnitude - remainder
        if remainder * 2 >= UInt128(step) { rounded += UInt128(step) }
        return Money(units: units < 0 ? -Int128(rounded) : Int128(rounded))
    }

    /// Two places (`-1234.50`), after rounding to cents; what every output writes.
    public var description: String {
        let cents = roundedToCents.units / (Self.scale / 100)
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Every place kept (`0.000000123400` trimmed to `0.0000001234`): the exact figure, for reconciliation.
    public var exactDescription: String {
        let magnitude = units.magnitude
        var fraction = String(magnitude % UInt128(Self.scale))
        fraction = String(repeating: "0", count: Self.scaleDigits - fraction.count) + fraction
        while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
        return (units < 0 ? "-" : "") + "\(magnitude / UInt128(Self.scale)).\(fraction)"
    }

    public var isZero: Bool { units == 0 }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units + rhs.units) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units - rhs.units) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.units < rhs.units }
}
