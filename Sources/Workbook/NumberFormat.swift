/// How a number shows: an Excel format code such as `#,##0.00` or `yyyy-mm-dd hh:mm`.
public struct NumberFormat: Hashable, Sendable, CustomStringConvertible {
    public let code: String

    public init(_ code: String) throws(WorkbookError) {
        guard !code.isEmpty, code.utf16.count <= 255 else { throw .invalidNumberFormat(code) }
        self.code = code
    }

    private init(builtIn code: String) {
        self.code = code
    }

    public static let general = NumberFormat(builtIn: "General")
    public static let integer = NumberFormat(builtIn: "0")
    /// `1,234`.
    public static let thousands = NumberFormat(builtIn: "#,##0")
    /// `1,234.56`: money.
    public static let thousandsTwoDecimals = NumberFormat(builtIn: "#,##0.00")
    public static let percent = NumberFormat(builtIn: "0%")
    public static let percentTwoDecimals = NumberFormat(builtIn: "0.00%")
    /// Shows a number as it is typed, as text.
    public static let text = NumberFormat(builtIn: "@")
    /// ISO dates: Excel's built-in date format (14) follows the reader's locale, so ours are custom codes.
    public static let date = NumberFormat(builtIn: "yyyy-mm-dd")
    public static let dateTime = NumberFormat(builtIn: "yyyy-mm-dd hh:mm")
    public static let dateTimeSeconds = NumberFormat(builtIn: "yyyy-mm-dd hh:mm:ss")

    public var description: String { code }

    /// The id Excel has built in for this code, where that code means the same in every locale
    /// (ECMA-376 Part 1, §18.8.30); any other code is written into the styles part.
    var builtInID: Int? {
        switch code {
        case "General": 0
        case "0": 1
        case "0.00": 2
        case "#,##0": 3
        case "#,##0.00": 4
        case "0%": 9
        case "0.00%": 10
        case "0.00E+00": 11
        case "@": 49
        default: nil
        }
    }
}
