/// A link on a cell: to a cell of a sheet of the same workbook (A1 of every sheet back to the summary),
/// or to a web address (a resource in the AWS console).
public struct Hyperlink: Equatable, Sendable {
    public var cell: CellReference
    public var target: Target
    /// What Excel shows on hover; at most 255 characters.
    public var tooltip: String?

    public enum Target: Equatable, Sendable {
        /// A cell of a sheet of this workbook, by the sheet's exact name.
        case cell(sheet: String, CellReference)
        /// An `https://` or `http://` address. Characters a URI cannot hold (spaces, Korean) are
        /// percent-encoded as UTF-8 when written.
        case url(String)
    }

    public init(cell: CellReference, target: Target, tooltip: String? = nil) {
        self.cell = cell
        self.target = target
        self.tooltip = tooltip
    }
}

extension Hyperlink {
    /// A web address as a package relationship holds it (a URI): bytes outside URI syntax (spaces,
    /// quotes, UTF-8 of Korean) percent-encoded, everything else, `%` included, as given.
    static func uriEncoded(_ address: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(address.utf8.count)
        for byte in address.utf8 {
            if isURICharacter(byte) {
                output.append(byte)
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986's unreserved and reserved characters, and `%`.
    private static func isURICharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "-._~:/?#[]@!$&'()*+,;=%".utf8.contains(byte)
        }
    }
}
