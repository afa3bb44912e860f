/// Datadog's `$ALERT_TRANSITION`, with anything unknown kept raw rather than rejected.
public enum AlertTransition: Sendable, Hashable {
    case triggered, reTriggered, warn, reWarn, noData, reNoData, recovered, renotify
    case other(String)

    public init(raw: String) {
        // Datadog's own spellings and the stored names first: every report row and digest entry parses
        // one, and normalising costs a split, a join and a lowercase.
        switch raw {
        case "Triggered", "triggered": self = .triggered
        case "Recovered", "recovered": self = .recovered
        case "Re-Triggered", "re-triggered": self = .reTriggered
        case "Warn", "warn": self = .warn
        case "Re-Warn", "re-warn": self = .reWarn
        case "No Data", "no-data": self = .noData
        case "Re-No Data", "re-no-data": self = .reNoData
        case "Renotify", "renotify": self = .renotify
        default: self.init(normalizing: raw)
        }
    }

    private init(normalizing raw: String) {
        switch raw.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ").lowercased() {
        case "triggered": self = .triggered
        case "re-triggered", "retriggered": self = .reTriggered
        case "warn", "warning": self = .warn
        case "re-warn", "rewarn": self = .reWarn
        case "no data", "nodata", "no_data": self = .noData
        case "re-no data", "re-nodata": self = .reNoData
        case "recovered", "recovery": self = .recovered
        case "renotify", "re-notify": self = .renotify
        default: self = .other(raw)
        }
    }

    /// The stable name stored in DynamoDB and used in reports.
    public var name: String {
        switch self {
        case .triggered: return "triggered"
        case .reTriggered: return "re-triggered"
        case .warn: return "warn"
        case .reWarn: return "re-warn"
        case .noData: return "no-data"
        case .reNoData: return "re-no-data"
        case .recovered: return "recovered"
        case .renotify: return "renotify"
        case .other: return "other"
        }
    }

    /// A repeat of a state already notified (re-triggered, re-warn, re-no data, renotify): the trouble
    /// began at an earlier notification.
    public var isRepeat: Bool {
        switch self {
        case .reTriggered, .reWarn, .reNoData, .renotify: return true
        case .triggered, .warn, .noData, .recovered, .other: return false
        }
    }

    /// The column of the digest's priority × transition table (SPEC §7).
    public var category: Category {
        switch self {
        case .triggered, .reTriggered: return .triggered
        case .warn, .reWarn: return .warn
        case .noData, .reNoData: return .noData
        case .recovered: return .recovered
        case .renotify, .other: return .other
        }
    }

    public enum Category: String, Sendable, CaseIterable {
        case triggered, warn, noData = "no-data", recovered, other
    }
}
