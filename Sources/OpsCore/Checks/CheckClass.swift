/// The verdict on one monitor at check time (SPEC §6).
public enum CheckClass: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case error = "Error"
    case alert = "Alert"
    case warn = "Warn"
    case noData = "No Data"
    case unknown = "Unknown"
    case muted = "Muted"
    case ok = "OK"

    /// `allCases` runs from most to least urgent; lists show checks in this order.
    public var urgency: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public var description: String { rawValue }

    init(_ status: MonitorStatus) {
        switch status {
        case .ok: self = .ok
        case .alert: self = .alert
        case .warn: self = .warn
        case .noData: self = .noData
        case .ignored, .skipped, .unknown, .other: self = .unknown
        }
    }
}
