import ArgumentParser

/// `opsdaily monitors …` (SPEC §13.4): the organisation's monitors for people, and against the catalogue.
public struct MonitorsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "monitors", abstract: "Export the Datadog monitors, or compare them with the Terraform catalogue.",
        subcommands: [MonitorsExportCommand.self, MonitorsDriftCommand.self])

    public init() {}
}
