/// The recovery audit as a report (SPEC §13.3): the 2023 summary line ("60 instances: 34 recover-alarm,
/// 22 excluded, …"), every instance grouped by status, and the orphan alarms.
public enum RecoveryReport {
    public static func summaryLine(_ result: RecoveryCollector.Result) -> String {
        let counts = RecoveryStatus.allCases.compactMap { status -> String? in
            let count = result.entries.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        let orphans = result.orphans.count == 1 ? "1 orphan alarm" : "\(result.orphans.count) orphan alarms"
        return "\(result.entries.count) instances: " + (counts.isEmpty ? "none" : counts.joined(separator: ", ")) + "; " + orphans
    }

    public static func build(_ result: RecoveryCollector.Result) -> FleetReport {
        var summary = [summaryLine(result)]
        let excluded = FleetReport.counts(result.entries.filter { $0.status == .excluded }.map { $0.detail.split(separator: " (").first.map(String.init) ?? $0.detail })
        if !excluded.isEmpty { summary.append("excluded: " + excluded.map { "\($0.1) \($0.0)" }.joined(separator: ", ")) }
        summary += result.problems.map { "not listed: \($0.account) \($0.region) \($0.listing): \($0.reason)" }
        let rank = { (status: RecoveryStatus) in RecoveryStatus.reportOrder.firstIndex(of: status)! }
        let entries = result.entries.sorted {
            (rank($0.status), $0.instance.account, $0.instance.region, $0.instance.name ?? "", $0.instance.id)
                < (rank($1.status), $1.instance.account, $1.instance.region, $1.instance.name ?? "", $1.instance.id)
        }
        let instances = FleetReport.Table(
            name: "Instances",
            columns: [
                FleetReport.Column("Status", width: 22), FleetReport.Column("Account", width: 14), FleetReport.Column("Region", width: 15),
                FleetReport.Column("Instance", width: 21), FleetReport.Column("Name", width: 28), FleetReport.Column("Type", width: 12),
                FleetReport.Column("State", width: 9), FleetReport.Column("Alarm", width: 34), FleetReport.Column("Detail", width: 50),
            ],
            groupColumn: 0,
            rows: entries.map { entry in
                [
                    entry.status.rawValue, entry.instance.account, entry.instance.region, entry.instance.id, entry.instance.name ?? "",
                    entry.instance.type, entry.instance.state, entry.alarms.first?.name ?? "", entry.detail,
                ]
            })
        let orphans = FleetReport.Table(
            name: "Orphan alarms",
            columns: [
                FleetReport.Column("Account", width: 14), FleetReport.Column("Region", width: 15), FleetReport.Column("Alarm", width: 34),
                FleetReport.Column("Instance", width: 21), FleetReport.Column("Actions", width: 60),
            ],
            rows: result.orphans.map { [$0.account, $0.region, $0.alarm.name, $0.instance, $0.alarm.alarmActions.joined(separator: " ")] })
        return FleetReport(title: "EC2 auto recovery", summary: summary, tables: [instances, orphans])
    }
}
