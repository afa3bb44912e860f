/// Where daily-check keeps its runs: one partition per slot, rewritten by a re-run of the slot.
public protocol CheckStore: Sendable {
    /// Writes the slot's run record alone (status `running`), before any monitor is checked.
    func begin(run: CheckRunRecord) async throws

    /// Writes the run record and one record per monitor; records of monitors no longer checked are removed,
    /// so a re-run replaces the slot's run instead of adding to it.
    func save(run: CheckRunRecord, monitors: [MonitorCheckRecord]) async throws
}
