/// What the emulator observed, for benchmarks and for tests that check what a runtime did.
public struct EmulatorStatistics: Sendable {
    /// Monotonic time (ns) at which each `GET /next` arrived.
    public var nextArrivals: [UInt64] = []
    /// TCP connections accepted (a runtime is expected to keep one for its whole life).
    public var connections = 0
    public var invocations = 0
    public var responses = 0
    public var errors = 0
    public var initErrors = 0
    public var oversizedResponses = 0
    public var unknownRequestIDs = 0
    public var processStarts = 0
    /// Exit statuses of function processes, in order (128 + n for signal n).
    public var processExits: [Int32] = []
    public var lastMaxRSSKilobytes = 0

    mutating func recordNext(at time: UInt64) {
        if nextArrivals.count < 1_000_000 { nextArrivals.append(time) }
    }

    var json: String {
        """
        {"connections":\(connections),"invocations":\(invocations),"responses":\(responses),"errors":\(errors),"initErrors":\(initErrors),\
        "oversizedResponses":\(oversizedResponses),"unknownRequestIDs":\(unknownRequestIDs),\
        "nextRequests":\(nextArrivals.count),"processStarts":\(processStarts),\
        "processExits":[\(processExits.map(String.init).joined(separator: ","))],\
        "lastMaxRSSKilobytes":\(lastMaxRSSKilobytes)}
        """
    }
}
