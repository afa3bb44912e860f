extension StringProtocol {
    /// Whether `needle` occurs in the text, compared as UTF-8 bytes. The standard library's `contains(_:)`
    /// for strings and `replacing(_:with:)` come from `_StringProcessing`, which links its regex engine
    /// into every binary that calls them; byte comparison is also what escaping and URL work needs.
    public func containsText(_ needle: some StringProtocol) -> Bool {
        Self.firstOffset(of: Array(needle.utf8), in: Array(utf8), from: 0) != nil
    }

    /// The text with every occurrence of `target` (as UTF-8 bytes, left to right, not overlapping) replaced.
    public func replacingText(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        let haystack = Array(utf8)
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return String(self) }
        var output: [UInt8] = []
        output.reserveCapacity(haystack.count)
        var start = 0
        while let found = Self.firstOffset(of: needle, in: haystack, from: start) {
            output.append(contentsOf: haystack[start..<found])
            output.append(contentsOf: replacement.utf8)
            start = found + needle.count
        }
        output.append(contentsOf: haystack[start...])
        return String(decoding: output, as: UTF8.self)
    }

    private static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
