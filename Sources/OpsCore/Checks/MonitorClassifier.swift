import CivilTime
import HTTPCore

/// Turns a monitor's current state into a `MonitorCheck`. Unlike 2023, `Warn` is its own class, group
/// states are looked at, and maintenance shows as `Muted` instead of a failure.
public enum MonitorClassifier {
    public static func check(_ monitor: Monitor, at now: Instant) -> MonitorCheck {
        let failing = failingGroups(of: monitor)
        let checkClass: CheckClass = isMuted(monitor, failing: failing, at: now) ? .muted : CheckClass(monitor.overallState)
        return MonitorCheck(
            monitorID: String(monitor.id),
            name: monitor.name,
            priority: monitor.priority,
            checkClass: checkClass,
            failingGroups: checkClass == .ok ? [] : failing,
            query: monitor.query,
            tags: monitor.tags,
            label: monitor.label ?? String(monitor.id),
            category: CheckCategory(name: monitor.name, tags: monitor.tags),
            stateModified: monitor.overallStateModified,
            monitorJSON: monitor.raw == .null ? "{}" : monitor.raw.compactText
        )
    }

    /// A monitor that could not be evaluated, described by what the listing said about it.
    public static func error(_ monitor: Monitor, detail: String, readFailure: ReadFailure? = nil) -> MonitorCheck {
        MonitorCheck(
            monitorID: String(monitor.id),
            name: monitor.name,
            priority: monitor.priority,
            checkClass: .error,
            query: monitor.query,
            tags: monitor.tags,
            label: monitor.label ?? String(monitor.id),
            category: CheckCategory(name: monitor.name, tags: monitor.tags),
            stateModified: monitor.overallStateModified,
            errorDetail: detail,
            readFailure: readFailure
        )
    }

    static func failingGroups(of monitor: Monitor) -> [FailingGroup] {
        guard monitor.multi || monitor.groups.count > 1 else { return [] }
        return monitor.groups.values
            .filter { $0.status != .ok }
            .map { group in
                let since: Instant? = switch group.status {
                case .noData: group.lastNoData ?? group.lastTriggered
                default: group.lastTriggered ?? group.lastNoData
                }
                return FailingGroup(name: group.name, status: group.status.description, since: since ?? monitor.overallStateModified)
            }
            .sorted { ($0.since ?? Instant(epochMilliseconds: 0), $0.name) < ($1.since ?? Instant(epochMilliseconds: 0), $1.name) }
    }

    /// Muted as a whole (scope `*`); a simple monitor under any active downtime Datadog matched to it (its
    /// one group is the monitor itself, so a scope cannot leave part of it alerting); or every failing group
    /// of a multi-alert monitor lies under an active downtime or silence.
    static func isMuted(_ monitor: Monitor, failing: [FailingGroup], at now: Instant) -> Bool {
        let scopes = activeMuteScopes(monitor, at: now)
        if scopes.contains("*") { return true }
        guard !failing.isEmpty else { return !scopes.isEmpty && !monitor.multi && monitor.groups.count <= 1 }
        return failing.allSatisfy { group in scopes.contains { covers(scope: $0, group: group.name) } }
    }

    private static func activeMuteScopes(_ monitor: Monitor, at now: Instant) -> [String] {
        let silenced = monitor.silenced.filter { _, until in until.map { now < $0 } ?? true }.map(\.key)
        let downtimes = monitor.matchingDowntimes.filter { $0.isActive(at: now) }.flatMap(\.scopes)
        return silenced + downtimes
    }

    /// A scope `host:a,env:prod` covers a group whose tags include every one of its tags.
    static func covers(scope: String, group: String) -> Bool {
        let groupTags = Set(group.split(separator: ",").map { String($0).trimmedWhitespace })
        return scope.split(separator: ",").allSatisfy { groupTags.contains(String($0).trimmedWhitespace) }
    }
}
