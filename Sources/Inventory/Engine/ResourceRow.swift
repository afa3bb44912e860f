/// One value of a row, as the outputs write it: text, or a number a sheet can sum.
public enum FieldValue: Sendable, Equatable, Hashable {
    case empty
    case text(String)
    /// Exact decimal text (counts, sizes): never rounded through a binary float.
    case number(String)

    public var text: String {
        switch self {
        case .empty: return ""
        case .text(let text), .number(let text): return text
        }
    }
}

/// One row of a kind: where it was listed and its cells in the kind's column order.
public struct ResourceRow: Sendable, Equatable {
    public let account: String
    public let region: String
    public let cells: [FieldValue]

    public init(account: String, region: String, cells: [FieldValue]) {
        self.account = account
        self.region = region
        self.cells = cells
    }
}
