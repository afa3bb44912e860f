import OpsdailyCommands

await Opsdaily.main(arguments: Array(CommandLine.arguments.dropFirst()))
