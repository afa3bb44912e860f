import CivilTime

/// How a scheduled invocation spends its time: reading (Datadog, the alerts table) may use all of it but a
/// reserve, which is kept to store, publish and post what was read; the retry loops (`RetryDeadline`) stop
/// in time for that. Without it a Datadog rate limit, waited out again and again, would run into Lambda's
/// timeout with the run still `running` and nothing posted, and Lambda's retries would do the same.
public struct InvocationBudget: Sendable {
    /// The invocation's deadline on the monotonic clock the retry loops measure.
    public let end: ContinuousClock.Instant
    public let reserve: Duration

    /// Kept for the runtime to send the answer after the last write.
    public static let margin: Duration = .seconds(1)
    /// Enough for the run record, the monitors, the report and one Slack post with a retry or two.
    public static let largestReserve: Duration = .seconds(20)

    /// `deadline` and `now` on the wall clock (Lambda gives the deadline in epoch milliseconds).
    public init(deadline: Instant, now: Instant, monotonicNow: ContinuousClock.Instant = .now) {
        let remaining = Duration.milliseconds(deadline.epochMilliseconds - now.epochMilliseconds)
        end = monotonicNow + remaining
        // A third of a short invocation, never more than the largest reserve.
        reserve = max(.zero, min(Self.largestReserve, remaining / 3))
    }

    /// Reading stops by then.
    public var reading: ContinuousClock.Instant { end - reserve }

    /// Storing, publishing and posting stop by then.
    public var finishing: ContinuousClock.Instant { end - Self.margin }
}
