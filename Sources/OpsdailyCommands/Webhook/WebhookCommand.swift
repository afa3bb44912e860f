import ArgumentParser

/// `opsdaily webhook …`: the collection webhook from the outside.
public struct WebhookCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "webhook", abstract: "Check the deployed collection webhook.", subcommands: [WebhookTestCommand.self])

    public init() {}
}
