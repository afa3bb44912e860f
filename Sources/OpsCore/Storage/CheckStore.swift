/// Where daily-check keeps its runs, and the guard that keeps Lambda's retries from posting twice.
public protocol CheckStore: Sendable {
    /// Writes the run record and one record per monitor; records of monitors no longer checked are removed,
    /// so a re-run replaces the slot's run instead of adding to it.
    func save(run: CheckRunRecord, monitors: [MonitorCheckRecord]) async throws

    /// Claims the slot's Slack post for `function`. False when it was already posted, or is being posted by
    /// an invocation that started less than `staleAfterSeconds` ago.
    func claimPost(slotID: String, function: String, requestID: String, now: Int64, staleAfterSeconds: Int64) async throws -> Bool

    /// Records how the claimed post ended; a failed post may be claimed again.
    func finishPost(slotID: String, function: String, posted: Bool, now: Int64) async throws
}
