import HTTPCore

/// BatchWriteItem's contract: at most 25 writes per call, and a success may hand back `UnprocessedItems`
/// (throttled partitions) that the caller must send again, backing off in between.
public struct BatchWriteRetrier: Sendable {
    public static let maximumBatchSize = 25

    public let maxRounds: Int
    public let backoff: Backoff
    private let sleeper: any RetrySleeper
    private let random: @Sendable () -> Double

    public init(
        maxRounds: Int = 8, baseDelay: Duration = .milliseconds(50), maxDelay: Duration = .seconds(5),
        sleeper: any RetrySleeper = TaskSleeper(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxRounds = maxRounds
        backoff = Backoff(base: baseDelay, cap: maxDelay, jitter: .full)
        self.sleeper = sleeper
        self.random = random
    }

    /// `send` performs one call and returns its unprocessed items. Re-sending stops at the rounds' limit or
    /// when the next wait would pass the `RetryDeadline`.
    func write(
        _ requests: [String: [DynamoDBWriteRequest]],
        send: @Sendable ([String: [DynamoDBWriteRequest]]) async throws -> [String: [DynamoDBWriteRequest]]
    ) async throws {
        var pending = Self.flatten(requests)
        var round = 0
        while !pending.isEmpty {
            if round > 0 {
                let delay = backoff.delay(afterFailure: round, random: random())
                guard round < maxRounds, RetryDeadline.allowsWaiting(delay, at: sleeper.now) else {
                    throw DynamoDBBatchWriteError(unprocessed: pending.count, rounds: round)
                }
                try await sleeper.sleep(for: delay)
            }
            var unprocessed: [(table: String, request: DynamoDBWriteRequest)] = []
            for start in stride(from: 0, to: pending.count, by: Self.maximumBatchSize) {
                let chunk = pending[start..<min(start + Self.maximumBatchSize, pending.count)]
                let grouped = Dictionary(grouping: chunk, by: \.table).mapValues { $0.map(\.request) }
                unprocessed += Self.flatten(try await send(grouped))
            }
            pending = unprocessed
            round += 1
        }
    }

    private static func flatten(_ requests: [String: [DynamoDBWriteRequest]]) -> [(table: String, request: DynamoDBWriteRequest)] {
        requests.keys.sorted().flatMap { table in requests[table]!.map { (table, $0) } }
    }
}

/// Some writes were still unprocessed after every round of re-sending.
public struct DynamoDBBatchWriteError: Error, Equatable, CustomStringConvertible {
    public let unprocessed: Int
    public let rounds: Int

    public var description: String {
        "BatchWriteItem left \(unprocessed) writes unprocessed after \(rounds) rounds"
    }
}
