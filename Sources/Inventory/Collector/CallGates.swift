import Synchronization

/// One `CallGate` per account and service, made on first use, shared by every kind and region of the run:
/// throttling is counted per account and API, so EC2's nine kinds in two regions share one gate.
final class CallGates: Sendable {
    private let limit: Int
    private let gates = Mutex<[String: CallGate]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    func gate(account: String, service: String) -> CallGate {
        gates.withLock { gates in
            let key = account + "/" + service
            if let gate = gates[key] { return gate }
            let gate = CallGate(limit: limit)
            gates[key] = gate
            return gate
        }
    }
}

/// Calls made for one (account, region, kind): the Coverage sheet's `Calls`.
final class CallCounter: Sendable {
    private let count = Mutex(0)

    func add(_ calls: Int = 1) {
        count.withLock { $0 += calls }
    }

    var value: Int { count.withLock { $0 } }
}
