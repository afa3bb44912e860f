import ArgumentParser
import Fleet

/// `opsdaily autorecovery apply`: recover alarms created where missing, the recover action added where an alarm
/// lacks it, our alarms put back to the spec, orphans deleted with `--prune`; written only with `--apply`.
public struct AutorecoveryApplyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Plan the recover alarms; write them with --apply.")

    @OptionGroup public var global: GlobalOptions
    @OptionGroup public var exclusionOptions: RecoveryExclusionOptions
    @OptionGroup public var fleet: FleetOptions
    @OptionGroup public var applyOptions: ApplyOptions

    @Option(name: .customLong("sns-topic"), help: ArgumentHelp("Also notify this SNS topic when an alarm fires.", valueName: "arn"))
    public var snsTopic: String?

    @Flag(help: "Delete alarms whose instance is gone.")
    public var prune = false

    public init() {}

    public func validate() throws {
        if let snsTopic {
            let parts = snsTopic.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", parts[2] == "sns", !parts[3].isEmpty, parts[4].count == 12, parts[4].allSatisfy(\.isNumber),
                !parts[5].isEmpty, snsTopic.count <= 256
            else { throw ValidationError("--sns-topic \"\(snsTopic.prefix(80))\" is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)") }
        }
    }

    public func run() async throws {
        let session = await FleetSession.open(global: global, pageSize: fleet.pageSize)
        var result = await RecoveryCollector(auditor: RecoveryAuditor(exclusions: try exclusionOptions.exclusions())).collect(session.apis)
        result.problems = session.problems + result.problems
        let plan = RecoveryPlan(entries: result.entries, orphans: result.orphans, spec: RecoveryAlarmSpec(snsTopic: snsTopic), prune: prune)
        if global.output == .text {
            Terminal.write(RecoveryReport.summaryLine(result))
            Terminal.write(Self.text(plan))
        }
        var log = WriteLog()
        let write: Bool
        do {
            write = try applyOptions.confirmed(plan.actions.count, what: "alarm changes")
        } catch {
            await session.close()
            throw error
        }
        if write { log = await RecoveryWriter(apis: session.apis).write(plan) }
        await session.close()
        switch global.output {
        case .text:
            if write {
                Terminal.write("applied: \(plan.actions.count) actions in \(log.calls) write calls, \(log.failures.count) refused")
            } else if !plan.isEmpty {
                Terminal.write(applyOptions.apply ? "nothing written" : "dry run: no write call made; run with --apply to write")
            }
            for failure in log.failures { Terminal.writeError("refused: \(failure.target) (\(failure.region)): \(failure.reason)") }
            for problem in result.problems { Terminal.writeError("not listed: \(problem.account) \(problem.region) \(problem.listing): \(problem.reason)") }
        case .json:
            Terminal.write(FleetSession.encodeJSON(RecoveryApplyJSON(plan: plan, applied: write, log: log, problems: result.problems)))
        }
        if !result.problems.isEmpty || !log.succeeded { throw CommandExit(.failed) }
    }

    static func text(_ plan: RecoveryPlan) -> String {
        let counts = RecoveryPlan.Kind.allCases.compactMap { kind -> String? in
            let count = plan.actions.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        var out = "plan: \(plan.actions.count) alarm changes" + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))")
        for action in plan.actions {
            out += "\n  \(action.kind.rawValue.padding(11)) \(action.region) \(action.instance)  \(FleetReport.clean(action.alarm.name))"
        }
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
