/// Where the notification reads stored alerts: the seam between the digest and the alerts table.
public protocol AlertSource: Sendable {
    /// Every alert whose event time is in `window`, `[TEST]` ones included, in time order.
    func alerts(in window: TimeWindow) async throws -> [Alert]

    /// How many alerts other than `[TEST]` ones have their event time in `window`: a trend needs no more.
    func count(in window: TimeWindow) async throws -> Int
}
