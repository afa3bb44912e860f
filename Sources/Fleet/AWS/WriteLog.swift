/// What an apply did: how many write calls it made and what AWS refused, per resource. A refused write is
/// reported where it happened and the rest go on (SPEC §13.0).
public struct WriteLog: Sendable, Equatable {
    public private(set) var calls = 0
    public private(set) var failures: [Failure] = []

    public struct Failure: Sendable, Equatable {
        /// The resource, ARN or alarm the write was for.
        public let target: String
        public let region: String
        public let reason: String
    }

    public init() {}

    public var succeeded: Bool { failures.isEmpty }

    /// Makes one write call; its error is recorded against every target it carried.
    mutating func call(targets: [String], region: String, _ write: () async throws -> Void) async {
        calls += 1
        do {
            try await write()
        } catch {
            let reason = String(String(describing: error).prefix(300))
            failures += targets.map { Failure(target: $0, region: region, reason: reason) }
        }
    }

    mutating func fail(_ target: String, region: String, reason: String) {
        failures.append(Failure(target: target, region: region, reason: reason))
    }
}
