import AWSCore

/// One column of a kind's sheet: its header, how a row's value is read, and how the cell shows it.
public struct Column: Sendable {
    public let header: String
    public let value: CellRule
    public let format: CellFormat

    public init(_ header: String, _ value: CellRule, _ format: CellFormat = .text) {
        self.header = header
        self.value = value
        self.format = format
    }

    /// A member's text at `path`, the commonest column.
    public init(_ header: String, _ path: AWSValuePath, _ format: CellFormat = .text) {
        self.init(header, .path(path), format)
    }
}

/// How a column reads its value out of a row (the listed item, with its detail and expansions joined).
public indirect enum CellRule: Sendable {
    /// The first value at the path.
    case path(AWSValuePath)
    /// The first path that reaches a value.
    case firstOf([AWSValuePath])
    /// Every value at the path, joined with ", ".
    case join(AWSValuePath)
    /// How many values the path reaches.
    case count(AWSValuePath)
    /// One tag's value from a tag list (`Tags[]` of `Key`/`Value`, either case) or a tag map.
    case tag(String, in: AWSValuePath)
    /// Every tag as `key=value`, sorted by key, joined with "; ".
    case tags(AWSValuePath)
    /// Name/value pairs as `name=value`, joined with "; " (a metric's `Dimensions[]` of `Name`/`Value`).
    case pairs(AWSValuePath, key: String, value: String)
    /// One entry of a map: a JSON object's member, or an XML `entry` with `key` and `value` (SNS attributes).
    case entry(AWSValuePath, key: String)
    /// What follows the last separator: a name out of an ARN (`:` or `/`) or a queue URL.
    case lastSegment(AWSValuePath)
    /// A port range from two members: `443`, `1024-65535`, `All` when the protocol has none.
    case portRange(from: AWSValuePath, to: AWSValuePath)
    /// An IP protocol: `-1` is all traffic.
    case ipProtocol(AWSValuePath)
    /// The latest of several timestamps (a user's last activity from the password and both access keys).
    case latest([AWSValuePath])
    /// A value with a meaning of its own: `rule` when it reaches something, else `fallback`.
    case orElse(CellRule, fallback: String)
}

/// How a cell shows its value: text, or a number the workbook can sum and filter.
public enum CellFormat: Sendable, Equatable {
    case text
    case integer
    /// A byte count; shown as a number with thousands separators.
    case bytes
    /// A number with a fraction (`12.34`), kept exact.
    case decimal
    /// Any of the forms AWS answers in (ISO 8601, epoch seconds with a fraction) written as
    /// `2023-09-19 10:11:12Z`, UTC, so columns sort and compare across services.
    case timestamp
    /// Milliseconds since the epoch (CloudWatch Logs), written as `timestamp` is.
    case epochMilliseconds
}
