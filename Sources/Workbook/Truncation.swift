/// A cell whose text was longer than Excel's 32,767 characters and was cut to fit, so that a caller
/// can say so where operators will see it (a note on the sheet, a line in the output).
public struct Truncation: Equatable, Sendable {
    public let sheet: String
    public let cell: CellReference
    /// The text's length before the cut, in UTF-16 code units as Excel counts.
    public let originalLength: Int

    public init(sheet: String, cell: CellReference, originalLength: Int) {
        self.sheet = sheet
        self.cell = cell
        self.originalLength = originalLength
    }
}

/// Cutting text to a cell's limit.
enum CellTextLimit {
    /// `text` itself when it fits; otherwise its longest prefix of whole characters (grapheme clusters:
    /// a Hangul syllable, an emoji with its modifiers) that does, and the original length.
    static func fitted(_ text: String) -> (text: String, originalLength: Int?) {
        // A UTF-16 length is at most the UTF-8 one, which a native string knows without counting.
        guard text.utf8.count > SpreadsheetLimits.cellText, case let length = text.utf16.count,
            length > SpreadsheetLimits.cellText
        else { return (text, nil) }
        var units = 0
        var end = text.startIndex
        for character in text {
            units += character.utf16.count
            if units > SpreadsheetLimits.cellText { break }
            end = text.index(after: end)
        }
        return (String(text[..<end]), length)
    }
}

extension CellValue {
    /// The text a cell shows as text, which Excel's length limit applies to.
    var cellText: String? {
        switch self {
        case .text(let text): text
        case .formula(let formula): if case .text(let text)? = formula.cachedValue { text } else { nil }
        default: nil
        }
    }
}
