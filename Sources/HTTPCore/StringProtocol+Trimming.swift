extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines. Foundation's
    /// `trimmingCharacters(in:)` is not in FoundationEssentials, and the full Foundation brings ICU (SPEC §2).
    public var trimmedWhitespace: SubSequence {
        trimming { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    /// The text without the leading and trailing characters `isTrimmed` accepts.
    public func trimming(_ isTrimmed: (Character) -> Bool) -> SubSequence {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
