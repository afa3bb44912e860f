/// Where a slot's check run stands. The spellings are what the checks table holds.
public enum CheckRunStatus: String, Sendable, Hashable, Codable {
    /// Written when the check starts: a notification meanwhile says "has not finished", not "did not run".
    case running
    case finished
    /// Stored and posted, but some monitors could not be read (rate limit, deadline, errors): the run's
    /// `error` says how many and why.
    case incomplete
    /// The monitor listing failed: nothing was checked.
    case failed
}
