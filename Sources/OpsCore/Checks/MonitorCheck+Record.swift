import CivilTime

extension MonitorCheck {
    /// A stored check read back, so the notification shows a non-OK monitor exactly as the check did.
    /// A class or category name this build does not know shows as `Unknown` / `Other` rather than failing.
    init(record: MonitorCheckRecord) {
        self.init(
            monitorID: record.monitorID, name: record.name, priority: record.priority,
            checkClass: record.checkClass.known ?? .unknown,
            failingGroups: record.groups.map { FailingGroup(name: $0.name, status: $0.status, since: $0.since.map(Instant.init(epochMilliseconds:))) },
            query: record.query, tags: record.tags, label: record.label, category: record.category.known ?? .other,
            stateModified: record.stateModified.map(Instant.init(epochMilliseconds:)), monitorJSON: record.monitorJSON,
            errorDetail: record.error)
    }
}
