/// Where the notification finds the check run of its slot: by the slot's key, never by "a run at about
/// the same hour".
public protocol CheckRunSource: Sendable {
    func checkRun(slotID: String) async throws -> CheckRunSummary
}
