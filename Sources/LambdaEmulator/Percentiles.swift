/// Order statistics of a sample, nearest-rank method.
public struct Percentiles: Sendable {
    private let sorted: [Double]

    public init(_ values: [Double]) {
        sorted = values.sorted()
    }

    public var count: Int { sorted.count }

    /// The value below which `fraction` of the sample lies (0.5 is the median).
    public func value(at fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    public var median: Double { value(at: 0.5) }
    public var maximum: Double { sorted.last ?? .nan }
}
