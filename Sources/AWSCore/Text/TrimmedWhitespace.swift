extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines. Foundation's
    /// `trimmingCharacters(in:)` is not in FoundationEssentials, and the full Foundation brings ICU (SPEC §2).
    public var trimmedWhitespace: SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
