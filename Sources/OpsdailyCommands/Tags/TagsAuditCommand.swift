import ArgumentParser
import Fleet

/// `opsdaily tags audit`: every resource in the policy's scope, every finding grouped by owner; exit 3 on any.
public struct TagsAuditCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Report every resource that departs from the tag policy (exit 3 when any does).")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var policyOption: TagPolicyOption
    @OptionGroup public var fleet: FleetOptions

    public init() {}

    public func run() async throws {
        let policy = try policyOption.load()
        let session = await FleetSession.open(global: global, pageSize: fleet.pageSize)
        let listed = await TagCollector(scope: policy.scope).collect(session.apis)
        await session.close()
        let auditor = TagAuditor(policy: policy)
        let findings = listed.resources.flatMap(auditor.findings)
        let problems = session.problems + listed.problems
        let report = TagAuditReport.build(policy: policy, resources: listed.resources, findings: findings, problems: problems)
        let files = try FleetSession.write(report, base: "tags-audit", out: fleet.out, formats: try fleet.formats())
        switch global.output {
        case .text:
            Terminal.write(report.text())
            for file in files { Terminal.write("wrote \(file)") }
        case .json:
            Terminal.write(FleetSession.encodeJSON(TagAuditJSON(policy: policy, resources: listed.resources, findings: findings, problems: problems)))
        }
        if !problems.isEmpty { throw CommandExit(.failed) }
        if !findings.isEmpty { throw CommandExit(.findings) }
    }
}
