/// An opaque RGB colour, given as the hex code a design or an HTML report uses: `1E4E79`.
public struct Colour: Hashable, Sendable, CustomStringConvertible {
    /// `0xRRGGBB`.
    public let rgb: UInt32

    /// Six hexadecimal digits, with or without a leading `#`, either case.
    public init(hex: String) throws(WorkbookError) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.utf8.count == 6, digits.allSatisfy(\.isHexDigit), let rgb = UInt32(digits, radix: 16) else {
            throw .invalidColour(hex)
        }
        self.rgb = rgb
    }

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        rgb = UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    }

    public static let white = Colour(red: 0xFF, green: 0xFF, blue: 0xFF)
    public static let black = Colour(red: 0, green: 0, blue: 0)

    /// `1E4E79`.
    public var description: String { hexDigits(rgb, count: 6) }

    /// `FF1E4E79`: SpreadsheetML colours are ARGB, with alpha FF for opaque.
    var argb: String { "FF" + description }

    private func hexDigits(_ value: UInt32, count: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: count - digits.utf8.count) + digits
    }
}
