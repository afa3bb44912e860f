import CivilTime
import Logging

/// A function run by a schedule (daily-check, notification): the event bytes in one of the shapes
/// `ScheduledInvocation` reads, the invocation's id and deadline, and an answer for whoever invoked it.
public protocol ScheduledService: Sendable {
    associatedtype Outcome: Encodable & Sendable

    func run(event: [UInt8], requestID: String, deadline: Instant, logger: Logger) async throws -> Outcome
}
