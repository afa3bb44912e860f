/// Waits between attempts; tests inject one that records the delays instead of sleeping.
public protocol RetrySleeper: Sendable {
    func sleep(for duration: Duration) async throws
}

public struct TaskSleeper: RetrySleeper {
    public init() {}

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
