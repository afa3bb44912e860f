import ArgumentParser
import Fleet

/// `opsdaily autorecovery audit`: one status per instance, the orphan alarms; exit 3 when an instance needs an
/// alarm or an alarm is orphaned.
public struct AutorecoveryAuditCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Report each instance's recovery status and the orphan alarms (exit 3 when anything needs doing).")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var exclusionOptions: RecoveryExclusionOptions
    @OptionGroup public var fleet: FleetOptions

    public init() {}

    public func run() async throws {
        let session = await FleetSession.open(global: global, pageSize: fleet.pageSize)
        var result = await RecoveryCollector(auditor: RecoveryAuditor(exclusions: try exclusionOptions.exclusions())).collect(session.apis)
        await session.close()
        result.problems = session.problems + result.problems
        let report = RecoveryReport.build(result)
        let files = try FleetSession.write(report, base: "autorecovery-audit", out: fleet.out, formats: try fleet.formats())
        switch global.output {
        case .text:
            Terminal.write(report.text())
            for file in files { Terminal.write("wrote \(file)") }
        case .json:
            Terminal.write(FleetSession.encodeJSON(RecoveryAuditJSON(result)))
        }
        if !result.problems.isEmpty { throw CommandExit(.failed) }
        if result.entries.contains(where: \.status.needsAlarm) || !result.orphans.isEmpty { throw CommandExit(.findings) }
    }
}
