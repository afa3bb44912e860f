import ArgumentParser

/// `opsdaily tags` (SPEC §13.2): the tag standard as a policy file, audited and applied.
public struct TagsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tags", abstract: "Audit resources against a tag policy, and apply the missing and derived tags.",
        subcommands: [TagsAuditCommand.self, TagsApplyCommand.self])

    public init() {}
}
