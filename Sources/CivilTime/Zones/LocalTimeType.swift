/// One kind of local time a zone uses: its offset, abbreviation and whether it is daylight saving time
/// (tzfile(5) calls this a "local time type"; Seoul had two of them in 1987–88, `KST` and `KDT`).
public struct LocalTimeType: Sendable, Hashable, CustomStringConvertible {
    public let offset: UTCOffset
    /// As the rules spell it: `KST`, `EDT`, or numeric like `+09` where tzdata invents no letters.
    public let abbreviation: String
    public let isDaylightSaving: Bool

    public init(offset: UTCOffset, abbreviation: String, isDaylightSaving: Bool) {
        self.offset = offset
        self.abbreviation = abbreviation
        self.isDaylightSaving = isDaylightSaving
    }

    public var description: String { "\(abbreviation) (UTC\(offset))" }
}
