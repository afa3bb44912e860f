import ArgumentParser
import Foundation
import LambdaEmulator

@main
struct LambdaEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda-emulator",
        abstract: "A local Lambda service for one function: the Runtime API for the function, the Invoke API for callers.",
        subcommands: [ServeCommand.self, BenchCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

/// Options shared by every subcommand that runs a function.
struct FunctionOptions: ParsableArguments {
    @Option(name: .customLong("function-name"), help: "Function name used in the ARN and the Invoke route.")
    var functionName = "function"

    @Option(help: "Invocation timeout in seconds.")
    var timeout: Double = 30

    @Option(name: .customLong("memory"), help: "Reported memory size (MB).")
    var memorySizeMB = 128

    @Option(name: .customLong("env"), help: "KEY=VALUE added to the function's environment (repeatable).")
    var environment: [String] = []

    @Option(name: .customLong("function-output"), help: "File receiving the function's stdout and stderr (default: inherit).")
    var functionOutput: String?

    @Argument(parsing: .postTerminator, help: "The function process to run, after --.")
    var command: [String] = []

    func configuration() throws -> EmulatorConfiguration {
        var variables: [String: String] = [:]
        for pair in environment {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--env expects KEY=VALUE, got \"\(pair)\"")
            }
            variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        guard timeout > 0, timeout <= 900 else { throw ValidationError("--timeout must be between 0 and 900 seconds") }
        return EmulatorConfiguration(
            functionName: functionName,
            region: ProcessInfo.processInfo.environment["AWS_REGION"] ?? "us-east-1",
            timeout: .milliseconds(Int64(timeout * 1000)),
            memorySizeMB: memorySizeMB,
            command: command.isEmpty ? nil : command,
            environment: variables,
            functionOutputPath: functionOutput
        )
    }
}
