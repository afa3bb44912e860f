import ArgumentParser

/// `opsdaily`, the operators' command line (SPEC §13).
public struct Opsdaily: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "opsdaily",
        abstract: "The operators' tools of opsdaily: identities, the webhook, inventories, fleet hygiene, monitors.",
        discussion: "Exit codes: 0 done, 1 failed, 2 usage error, 3 an audit found something.",
        version: "0.1.0",
        subcommands: [WhoamiCommand.self, InventoryCommand.self, TagsCommand.self, AutorecoveryCommand.self, MonitorsCommand.self, DashboardsCommand.self, WebhookCommand.self])

    public init() {}

    /// Parses `arguments` (without the program name), runs the command and exits with SPEC §13.0's codes:
    /// usage errors are 2 (ArgumentParser's own would be 64), help and version 0.
    public static func main(arguments: [String]) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            Terminal.terminate(.done)
        } catch let ended as CommandExit {
            Terminal.terminate(ended.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.write(fullMessage(for: error))
                Terminal.terminate(.done)
            }
            Terminal.writeError(fullMessage(for: error))
            Terminal.terminate(code == .validationFailure ? .usage : .failed)
        }
    }
}
