import CivilTime

/// `overall_state` and group `status` values (`MonitorOverallStates` in the API).
public enum MonitorStatus: Sendable, Hashable, CustomStringConvertible {
    case ok, alert, warn, noData, ignored, skipped, unknown
    /// A value this code does not know yet: kept, and treated as unknown.
    case other(String)

    public init(_ text: String) {
        switch text {
        case "OK": self = .ok
        case "Alert": self = .alert
        case "Warn": self = .warn
        case "No Data": self = .noData
        case "Ignored": self = .ignored
        case "Skipped": self = .skipped
        case "Unknown": self = .unknown
        default: self = .other(text)
        }
    }

    public var description: String {
        switch self {
        case .ok: "OK"
        case .alert: "Alert"
        case .warn: "Warn"
        case .noData: "No Data"
        case .ignored: "Ignored"
        case .skipped: "Skipped"
        case .unknown: "Unknown"
        case .other(let text): text
        }
    }
}

/// One group of a multi-alert monitor (`MonitorStateGroup`).
public struct MonitorGroupState: Sendable, Equatable {
    public var name: String
    public var status: MonitorStatus
    public var lastTriggered: Instant?
    public var lastNoData: Instant?
    public var lastResolved: Instant?

    public init(name: String, status: MonitorStatus, lastTriggered: Instant? = nil, lastNoData: Instant? = nil, lastResolved: Instant? = nil) {
        self.name = name
        self.status = status
        self.lastTriggered = lastTriggered
        self.lastNoData = lastNoData
        self.lastResolved = lastResolved
    }
}

extension MonitorGroupState: Decodable {
    private enum CodingKeys: String, CodingKey {
        case name, status
        case lastTriggered = "last_triggered_ts"
        case lastNoData = "last_nodata_ts"
        case lastResolved = "last_resolved_ts"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = (try? container.decodeIfPresent(String.self, forKey: .name)) ?? ""
        status = MonitorStatus((try? container.decodeIfPresent(String.self, forKey: .status)) ?? "Unknown")
        lastTriggered = DatadogTimestamp.decode(container, .lastTriggered)
        lastNoData = DatadogTimestamp.decode(container, .lastNoData)
        lastResolved = DatadogTimestamp.decode(container, .lastResolved)
    }
}

/// A downtime that matches the monitor (`matching_downtimes`, asked for with `with_downtimes=true`).
public struct MonitorDowntime: Sendable, Equatable, Decodable {
    public var scopes: [String]
    public var start: Instant?
    public var end: Instant?
    /// Datadog's own verdict; absent in older answers, then the window decides.
    public var active: Bool?

    public init(scopes: [String], start: Instant? = nil, end: Instant? = nil, active: Bool? = nil) {
        self.scopes = scopes
        self.start = start
        self.end = end
        self.active = active
    }

    private enum CodingKeys: String, CodingKey { case scope, start, end, active }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let many = try? container.decode([String].self, forKey: .scope) {
            scopes = many
        } else {
            scopes = [(try? container.decode(String.self, forKey: .scope)) ?? "*"]
        }
        start = DatadogTimestamp.decode(container, .start)
        end = DatadogTimestamp.decode(container, .end)
        active = try? container.decodeIfPresent(Bool.self, forKey: .active)
    }

    public func isActive(at instant: Instant) -> Bool {
        if let active { return active }
        return (start.map { $0 <= instant } ?? true) && (end.map { instant < $0 } ?? true)
    }
}
