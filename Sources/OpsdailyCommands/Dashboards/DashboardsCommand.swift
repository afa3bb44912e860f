import ArgumentParser

/// `opsdaily dashboards …` (SPEC §14): the dashboards kept as files in the Datadog stack.
public struct DashboardsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dashboards", abstract: "Write a Datadog dashboard back to its file, or check the files.",
        subcommands: [DashboardsPullCommand.self, DashboardsCheckCommand.self])

    public init() {}
}
