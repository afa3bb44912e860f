/// Why a monitor's current state was not read. A deleted monitor was read (it is gone); the others leave
/// the check incomplete, and the run, the report and the message say how many and why.
public enum ReadFailure: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case deleted = "deleted since it was listed"
    case rateLimited = "Datadog rate limit"
    case outOfTime = "no time left before the invocation's deadline"
    case failed = "Datadog error"

    public init(_ error: DatadogError) {
        switch error {
        case _ where error.isNotFound: self = .deleted
        case _ where error.status == 429: self = .rateLimited
        case .outOfTime: self = .outOfTime
        default: self = .failed
        }
    }

    /// The monitor's state is unknown: it counts against the run's completeness.
    public var leavesStateUnknown: Bool { self != .deleted }

    public var description: String { rawValue }
}
