import Synchronization

/// The standard mode's token bucket, shared by every request of a client: retries spend tokens, successes
/// earn a few back, so a failing service is not hammered with three times its normal traffic.
public final class RetryQuota: Sendable {
    public static let defaultCapacity = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryIncrement = 1

    public let capacity: Int
    private let tokens: Mutex<Int>

    public init(capacity: Int = RetryQuota.defaultCapacity) {
        self.capacity = capacity
        tokens = Mutex(capacity)
    }

    public var available: Int { tokens.withLock { $0 } }

    /// Takes `cost` tokens if there are that many; false means the retry must not happen.
    func acquire(_ cost: Int) -> Bool {
        tokens.withLock { tokens in
            guard tokens >= cost else { return false }
            tokens -= cost
            return true
        }
    }

    func release(_ amount: Int) {
        tokens.withLock { $0 = min(capacity, $0 + amount) }
    }
}
