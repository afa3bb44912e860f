extension Sheet {
    /// `name` when Excel accepts it as a sheet name: 1 to 31 characters (UTF-16 code units, as Excel
    /// counts), none of `[ ] : * ? / \` nor a control character, no apostrophe first or last, not
    /// "History". Uniqueness is the workbook's to check.
    public static func validName(_ name: String) throws(WorkbookError) -> String {
        if let problem = SheetNames.problem(with: name) { throw .invalidSheetName(name, problem) }
        return name
    }
}

/// Sheet names made from any text, valid and unique within one workbook: sheets are named after AWS
/// services and Datadog teams, which can be long, contain `/` or differ only in case. Fixed names
/// ("Summary", "Coverage") go through it first, so that the names made later avoid them.
public struct SheetNames: Sendable {
    /// Names given so far, and "history", compared ignoring case as Excel compares them.
    private var taken: Set<String> = ["history"]

    public init() {}

    /// A name close to `text`: forbidden characters become `_`, spaces and apostrophes at the ends go,
    /// past 31 characters it is cut, and a name already given gets ` (2)`, ` (3)`, … (cut to make room).
    public mutating func uniqueName(for text: String) -> String {
        var cleaned = ""
        for scalar in text.unicodeScalars {
            cleaned.unicodeScalars.append(SheetNames.isForbidden(scalar) ? "_" : scalar)
        }
        let fitted = SheetNames.fitted(cleaned, to: SpreadsheetLimits.sheetName)
        let stem = fitted.isEmpty ? "Sheet" : fitted
        var name = stem
        var number = 2
        while taken.contains(name.lowercased()) {
            let suffix = " (\(number))"
            name = SheetNames.fitted(stem, to: SpreadsheetLimits.sheetName - suffix.utf16.count) + suffix
            number += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    static func problem(with name: String) -> SheetNameProblem? {
        if name.isEmpty { return .empty }
        let length = name.utf16.count
        if length > SpreadsheetLimits.sheetName { return .tooLong(length) }
        if let scalar = name.unicodeScalars.first(where: isForbidden) { return .forbiddenCharacter(scalar) }
        if name.hasPrefix("'") || name.hasSuffix("'") { return .startsOrEndsWithApostrophe }
        if name.lowercased() == "history" { return .reserved }
        return nil
    }

    /// Excel's forbidden characters, and those XML 1.0 cannot carry (the name would change on the way).
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "[", "]", ":", "*", "?", "/", "\\": true
        case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": true
        default: false
        }
    }

    /// `text` trimmed of spaces and apostrophes at both ends and cut, on a character boundary, to at
    /// most `limit` UTF-16 code units (trimmed again, since a cut can end on an apostrophe).
    private static func fitted(_ text: String, to limit: Int) -> String {
        var result = Substring(text)
        func trim() {
            let isEdge: (Character) -> Bool = { $0 == "'" || $0.isWhitespace }
            while let first = result.first, isEdge(first) { result.removeFirst() }
            while let last = result.last, isEdge(last) { result.removeLast() }
        }
        trim()
        var length = 0
        var end = result.startIndex
        for character in result {
            length += character.utf16.count
            if length > limit { break }
            end = result.index(after: end)
        }
        result = result[..<end]
        trim()
        return String(result)
    }
}

extension Sheet {
    /// A sheet name as a formula or a link location refers to it: in apostrophes, its own apostrophes
    /// doubled (`'Bob''s costs'!A1`). Quoting is optional for plain names; always quoting is simpler.
    static func quote(_ name: String) -> String {
        "'" + name.replacing("'", with: "''") + "'"
    }
}
