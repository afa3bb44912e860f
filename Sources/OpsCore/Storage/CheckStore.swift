/// Where daily-check keeps its runs, and the guard that keeps Lambda's retries from posting twice.
public protocol CheckStore: Sendable {
    /// Writes the slot's run record alone (status `running`), before any monitor is checked.
    func begin(run: CheckRunRecord) async throws

    /// Writes the run record and one record per monitor; records of monitors no longer checked are removed,
    /// so a re-run replaces the slot's run instead of adding to it.
    func save(run: CheckRunRecord, monitors: [MonitorCheckRecord]) async throws

    /// Claims the slot's Slack post for `function` until `claimUntil` (epoch ms: the claiming invocation's
    /// deadline, after which it cannot still be posting).
    func claimPost(slotID: String, function: String, requestID: String, now: Int64, claimUntil: Int64) async throws -> PostClaim

    /// Records how the claimed post ended; a failed post may be claimed again.
    func finishPost(slotID: String, function: String, posted: Bool, now: Int64) async throws
}

/// What claiming a slot's post found.
public enum PostClaim: Sendable, Equatable {
    case claimed
    /// The post was made: a retry has nothing to do.
    case alreadyPosted
    /// Another invocation holds the claim and may still be posting.
    case inProgress
}
