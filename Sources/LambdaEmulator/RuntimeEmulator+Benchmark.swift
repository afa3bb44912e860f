import NIOCore

/// Measurements of a function process under the emulator, taken where the emulator sees them: the time from
/// just before the process is spawned to its first `GET /next`, and the spacing of `/next` requests when
/// invocations are queued back to back (one full next → handler → response round trip each).
extension RuntimeEmulator {
    /// Starts the function process and returns the nanoseconds until its first `/next`; the process is then
    /// stopped so the next measurement is a cold start again.
    public func measureColdStart() async throws -> UInt64 {
        let elapsed = try await startAndWaitForFirstNext()
        try await stopFunction()
        return elapsed
    }

    /// Starts the function process and waits for its first `/next`, returning the nanoseconds in between.
    /// The wait is registered before the process starts: a fast runtime asks within milliseconds.
    private func startAndWaitForFirstNext() async throws -> UInt64 {
        let broker = self.broker
        return try await eventLoop.flatSubmit { () -> EventLoopFuture<UInt64> in
            let arrival = broker.value.nextArrival()
            do {
                try broker.value.startProcessIfNeeded()
            } catch {
                return broker.eventLoop.makeFailedFuture(error)
            }
            let started = broker.value.processStartedAt!.uptimeNanoseconds
            return arrival.map { $0 - started }
        }.get()
    }

    /// Sends `count` invocations at once and returns the intervals (ns) between consecutive `/next` requests
    /// while they were served, and the results.
    public func measureLoop(count: Int, payload: ByteBuffer) async throws -> (intervals: [UInt64], failures: Int) {
        // Start from a runtime idle in /next, so start-up is not part of the first interval.
        _ = try await startAndWaitForFirstNext()
        let broker = self.broker
        let before = try await statistics().nextArrivals.count
        let results = try await eventLoop.flatSubmit { () -> EventLoopFuture<[InvocationResult]> in
            let futures = (0..<count).map { _ in broker.value.invoke(payload: payload, clientContext: nil) }
            return EventLoopFuture.whenAllSucceed(futures, on: broker.eventLoop)
        }.get()
        let arrivals = try await statistics().nextArrivals.dropFirst(before - 1)
        let intervals = zip(arrivals.dropFirst(), arrivals).map { $0 - $1 }
        let failures = results.filter { if case .functionError = $0 { return true } else { return false } }.count
        return (Array(intervals), failures)
    }
}
