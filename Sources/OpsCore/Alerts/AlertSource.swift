import CivilTime

/// Where the notification reads stored alerts: the seam between the digest and the alerts table.
public protocol AlertSource: Sendable {
    /// Every alert whose event time is in `window`, `[TEST]` ones included, in time order, one at a time:
    /// for a pass that keeps less than every alert.
    func forEachAlert(in window: TimeWindow, _ body: (Alert) throws -> Void) async throws
}

extension AlertSource {
    /// Every alert whose event time is in `window`, `[TEST]` ones included, in time order.
    public func alerts(in window: TimeWindow) async throws -> [Alert] {
        var alerts: [Alert] = []
        try await forEachAlert(in: window) { alerts.append($0) }
        return alerts
    }
}
