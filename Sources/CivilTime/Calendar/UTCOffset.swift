/// A zone's difference from UTC in seconds, east positive (`+09:00` for Seoul). POSIX TZ strings count the
/// other way (`KST-9`); that sign flip is confined to the POSIX parser.
public struct UTCOffset: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int

    /// Real offsets stay within ±18 h (java.time's bound); tzdata's most extreme is +14 h.
    public static let limit = 18 * 3600

    public init?(seconds: Int) {
        guard abs(seconds) <= Self.limit else { return nil }
        self.seconds = seconds
    }

    init(unchecked seconds: Int) { self.seconds = seconds }

    public static let zero = UTCOffset(unchecked: 0)

    public init?(hours: Int, minutes: Int = 0) {
        guard (0...59).contains(minutes) else { return nil }
        self.init(seconds: hours * 3600 + (hours < 0 ? -minutes : minutes) * 60)
    }

    /// Reads `Z`, `±HH`, `±HHMM` or `±HH:MM`, the forms ISO 8601 allows after a time.
    public init(parsing text: some StringProtocol) throws(TimeParseError) {
        self = try ASCIIScanner.parseEntire(text, as: .utcOffset, expected: "Z, ±HH, ±HHMM or ±HH:MM") { Self.readISO(from: &$0) }
    }

    static func readISO(from scanner: inout ASCIIScanner) -> UTCOffset? {
        if scanner.skip(0x5A) || scanner.skip(0x7A) { return .zero }  // Z, z
        let sign: Int
        if scanner.skip(0x2B) { sign = 1 } else if scanner.skip(0x2D) { sign = -1 } else { return nil }
        guard let hours = scanner.digits(2) else { return nil }
        var minutes = 0
        if scanner.skip(0x3A) {
            guard let value = scanner.digits(2) else { return nil }
            minutes = value
        } else if let next = scanner.peek, DecimalText.isDigit(next) {
            guard let value = scanner.digits(2) else { return nil }
            minutes = value
        }
        guard minutes < 60 else { return nil }
        return UTCOffset(seconds: sign * (hours * 3600 + minutes * 60))
    }

    /// `+09:00`; seconds are shown only when present (historical mean times such as `+08:27:52`).
    public var description: String {
        var out = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        DecimalText.append(magnitude / 3600, width: 2, to: &out)
        out += ":"
        DecimalText.append(magnitude / 60 % 60, width: 2, to: &out)
        if magnitude % 60 != 0 {
            out += ":"
            DecimalText.append(magnitude % 60, width: 2, to: &out)
        }
        return out
    }

    public static func < (lhs: UTCOffset, rhs: UTCOffset) -> Bool { lhs.seconds < rhs.seconds }
}
