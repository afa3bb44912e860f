/// `OPS_RETENTION_DAYS` as DynamoDB's TTL wants it: every stored item (alert, check run, post marker)
/// expires that many days after its own time, in epoch seconds.
public struct Retention: Sendable, Equatable {
    public var days: Int

    public init(days: Int) {
        self.days = days
    }

    public func expiresAt(epochMilliseconds: Int64) -> Int64 {
        epochMilliseconds / 1000 + Int64(days) * 86_400
    }
}
