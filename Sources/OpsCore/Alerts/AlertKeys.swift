import CivilTime

/// Key values of the alerts table and its `by_day` index.
public enum AlertKeys {
    public static let sortKey = "ALERT"
    public static let dayIndex = "by_day"

    public static func partitionKey(eventID: String) -> String { "EVENT#" + eventID }

    /// Zero-padded so that string order is time order for every date from 1970 to 2286.
    public static func at(eventTime: Int64, eventID: String) -> String {
        DecimalText.padded(Int(max(0, eventTime)), width: 13) + "#" + eventID
    }

    /// The smallest and largest `at` values of a time window [start, end), for a Query key range.
    public static func range(from start: Int64, to end: Int64) -> (lower: String, upper: String) {
        (at(eventTime: start, eventID: ""), at(eventTime: end - 1, eventID: "\u{10FFFF}"))
    }
}
