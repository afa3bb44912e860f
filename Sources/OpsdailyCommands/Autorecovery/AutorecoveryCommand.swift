import ArgumentParser
import Fleet

/// `opsdaily autorecovery` (SPEC §13.3): a recovery status for every instance, and the alarms that give one.
public struct AutorecoveryCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "autorecovery", abstract: "Audit EC2 auto recovery per instance, and create the missing recover alarms.",
        subcommands: [AutorecoveryAuditCommand.self, AutorecoveryApplyCommand.self])

    public init() {}
}

/// Which instances are left alone besides Auto Scaling, EKS and Karpenter nodes: the tag policy's
/// `autorecovery.exclude` and the command line's.
public struct RecoveryExclusionOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("A tag policy whose autorecovery.exclude names tags to leave alone.", valueName: "file"))
    public var policy: String?

    @Option(name: .customLong("exclude-tag"), help: ArgumentHelp("Exclude instances with this tag (repeatable).", valueName: "KEY[=VALUE]"))
    public var excludeTags: [String] = []

    public init() {}

    public mutating func validate() throws {
        _ = try exclusions()
    }

    func exclusions() throws -> RecoveryExclusions {
        var exclusions: RecoveryExclusions
        do {
            exclusions = try RecoveryExclusions(parsing: excludeTags)
        } catch {
            throw ValidationError(error.description)
        }
        if let policy { exclusions.tags += try TagPolicyOption.load(policy).recoveryExclusions.tags }
        return exclusions
    }
}
