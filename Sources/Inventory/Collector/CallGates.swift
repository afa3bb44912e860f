import Synchronization

/// One `CallGate` per account, region and service, made on first use and shared by every kind there: AWS
/// throttles per account, region and API, so EC2's ten kinds in one region share one gate, and a global
/// service (IAM, signed for us-east-1) has one gate whatever region its kinds run from.
final class CallGates: Sendable {
    private let limit: Int
    private let gates = Mutex<[String: CallGate]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    func gate(account: String, region: String, service: String) -> CallGate {
        gates.withLock { gates in
            let key = account + "/" + region + "/" + service
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
