/// A change against the same window a day earlier.
public struct AlertTrend: Sendable, Equatable {
    public var current: Int
    public var previous: Int

    public init(current: AlertDigest, previous: AlertDigest) {
        self.init(current: current.total, previous: previous.total)
    }

    /// From counts alone: the earlier window is only counted, not read.
    public init(current: Int, previous: Int) {
        self.current = current
        self.previous = previous
    }

    public var difference: Int { current - previous }

    /// Percent change, nil when the earlier window had no alerts.
    public var percent: Int? {
        previous == 0 ? nil : Int((Double(difference) * 100 / Double(previous)).rounded())
    }
}
