/// RFC 3339 / ISO 8601 text for instants, read and written by hand: `ISO8601DateFormatter` needs ICU,
/// and `Date.ISO8601FormatStyle` would tie this layer to `Date` for no gain.
extension Instant {
    /// Longer than any instant this parser accepts (35 characters with nanoseconds and an offset); longer
    /// text is refused before it is scanned.
    static let longestISO8601 = 40

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM|±HH)`, e.g. `2026-11-25T00:00:00Z`,
    /// `2026-11-25T09:00:00.123+09:00`. The offset is required: a bare wall time is not an instant.
    /// Fractions beyond milliseconds are truncated; leap seconds (`:60`) are refused.
    public init(iso8601 text: some StringProtocol) throws(TimeParseError) {
        let expected = "YYYY-MM-DDTHH:MM:SS[.fff] followed by Z or an offset such as +09:00"
        guard text.utf8.count <= Self.longestISO8601 else { throw TimeParseError(.instant, text, expected: expected) }
        var scanner = ASCIIScanner(String(text))
        guard let date = LocalDate.read(from: &scanner),
              scanner.skip(0x54) || scanner.skip(0x74) || scanner.skip(0x20),  // T, t, space (RFC 3339 §5.6)
              let time = LocalTime.read(from: &scanner, requireSeconds: true)
        else { throw TimeParseError(.instant, text, expected: expected) }
        var millisecond = 0
        if scanner.skip(0x2E) || scanner.skip(0x2C) {
            let digits = scanner.take(while: DecimalText.isDigit)
            guard (1...9).contains(digits.count) else { throw TimeParseError(.instant, text, expected: expected) }
            for index in 0..<3 {
                millisecond = millisecond * 10 + (index < digits.count ? Int(digits[index] - 0x30) : 0)
            }
        }
        guard let offset = UTCOffset.readISO(from: &scanner), scanner.isAtEnd else {
            throw TimeParseError(.instant, text, expected: expected)
        }
        let local = LocalDateTime(date: date, time: time).localSecondsSinceEpoch
        let milliseconds = (local - Int64(offset.seconds)) * 1000 + Int64(millisecond)
        guard let instant = Instant(exactly: milliseconds) else {
            throw TimeParseError(.instant, text, expected: "an instant within years 0001–9999")
        }
        self = instant
    }

    /// `2026-11-25T00:00:00Z`; with `milliseconds`, `2026-11-25T00:00:00.000Z` (fixed width, so these
    /// strings sort in time order). A non-zero `offset` writes the wall time there: `…T09:00:00+09:00`.
    public func iso8601(offset: UTCOffset = .zero, milliseconds: Bool = false) -> String {
        let local = LocalDateTime(localSecondsSinceEpoch: epochSeconds + Int64(offset.seconds))
        var out = ""
        out.reserveCapacity(29)
        out += local.date.description
        out += "T"
        DecimalText.append(local.time.hour, width: 2, to: &out)
        out += ":"
        DecimalText.append(local.time.minute, width: 2, to: &out)
        out += ":"
        DecimalText.append(local.time.second, width: 2, to: &out)
        if milliseconds {
            out += "."
            DecimalText.append(Int(CivilCalendar.floorModulo(epochMilliseconds, 1000)), width: 3, to: &out)
        }
        out += offset == .zero ? "Z" : offset.description
        return out
    }
}
