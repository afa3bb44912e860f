/// The guard that keeps Lambda's retries of a scheduled invocation from posting twice: one marker per slot
/// and function, claimed before the post and closed after it.
public protocol PostMarkerStore: Sendable {
    /// Claims the slot's Slack post for `function` until `claimUntil` (epoch ms: the claiming invocation's
    /// deadline, after which it cannot still be posting). `token` is new for every claim attempt: a claim
    /// whose write was applied but whose answer was lost is recognised as ours by it. A claim held by an
    /// earlier attempt of the same invocation (`requestID`: Lambda's retries reuse it) is taken over, as
    /// that attempt has ended.
    func claimPost(slotID: String, function: String, requestID: String, token: String, now: Int64, claimUntil: Int64) async throws -> PostClaim

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

/// A post marker's state. The spellings are what the checks table holds.
public enum PostMarkerStatus: String, Sendable, Hashable {
    /// Claimed by an invocation until its deadline.
    case posting
    case posted
    /// The post failed: the next attempt may claim it again.
    case failed
}
