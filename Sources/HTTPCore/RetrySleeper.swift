/// Waits between attempts and tells the time retry deadlines are measured on; tests inject one that records
/// the delays and advances its own time instead of sleeping.
public protocol RetrySleeper: Sendable {
    func sleep(for duration: Duration) async throws

    var now: ContinuousClock.Instant { get }
}

extension RetrySleeper {
    public var now: ContinuousClock.Instant { ContinuousClock.now }
}

public struct TaskSleeper: RetrySleeper {
    public init() {}

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
