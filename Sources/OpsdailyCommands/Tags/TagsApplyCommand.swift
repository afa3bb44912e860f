import ArgumentParser
import Fleet

/// `opsdaily tags apply`: the plan (resource, key, old → new) of missing and derived tags; written only with
/// `--apply`, in batches; a value already there changes only with `--overwrite`.
public struct TagsApplyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Plan the missing and derived tags; write them with --apply.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var policyOption: TagPolicyOption
    @OptionGroup public var fleet: FleetOptions
    @OptionGroup public var applyOptions: ApplyOptions

    @Flag(help: "Also replace values that break the policy (with its fill value) or differ from the derived one.")
    public var overwrite = false

    public init() {}

    public func run() async throws {
        let policy = try policyOption.load()
        let session = await FleetSession.open(global: global, pageSize: fleet.pageSize)
        let listed = await TagCollector(scope: policy.scope).collect(session.apis)
        let plan = TagPlan(policy: policy, resources: listed.resources, overwrite: overwrite)
        let problems = session.problems + listed.problems
        if global.output == .text { Terminal.write(Self.text(plan)) }
        var log = WriteLog()
        let write: Bool
        do {
            write = try applyOptions.confirmed(plan.changes.count, what: "tag changes")
        } catch {
            await session.close()
            throw error
        }
        if write { log = await TagWriter(apis: session.apis).write(plan) }
        await session.close()
        switch global.output {
        case .text:
            if write {
                Terminal.write("applied: \(plan.changes.count - log.failures.count) of \(plan.changes.count) changes in \(log.calls) write calls")
            } else if !plan.isEmpty {
                Terminal.write(applyOptions.apply ? "nothing written" : "dry run: no write call made; run with --apply to write")
            }
            for failure in log.failures { Terminal.writeError("refused: \(failure.target) (\(failure.region)): \(failure.reason)") }
            for problem in problems { Terminal.writeError("not listed: \(problem.account) \(problem.region) \(problem.listing): \(problem.reason)") }
        case .json:
            Terminal.write(FleetSession.encodeJSON(TagApplyJSON(plan: plan, applied: write, log: log, problems: problems)))
        }
        if !problems.isEmpty || !log.succeeded { throw CommandExit(.failed) }
    }

    static func text(_ plan: TagPlan) -> String {
        let resources = Set(plan.changes.map(\.resource.id)).count
        var out = "plan: \(plan.changes.count) tag changes on \(resources) resources"
        for change in plan.changes {
            out += "\n  \(change.resource.region) \(change.resource.id)  \(FleetReport.clean(change.key)): "
                + "\(change.old.map { "\"\(FleetReport.clean($0))\"" } ?? "(none)") → \"\(FleetReport.clean(change.new))\""
        }
        for refused in plan.refused { out += "\n  left out: \(refused.resource): \(refused.reason)" }
        return out
    }
}
