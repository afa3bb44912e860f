public struct AlertReport: Sendable {
    public init(systemName: String, zone: ZoneRules) {}
    public func render(_ summary: NotificationSummary) -> String { "<!doctype html><title>stub</title><table><tr><td>\(summary.alerts.count)</td></tr></table>" }
}
