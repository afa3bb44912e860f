import ArgumentParser
import Foundation
import LambdaEmulator
import NIOCore

/// Measures a function process: cold start to first `/next`, loop overhead per invocation, peak RSS.
/// Prints one JSON object, so scripts can put several runtimes side by side.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure start-up, per-invocation loop overhead and peak RSS of a function process."
    )

    @Option(help: "Label of this runtime in the report.")
    var label = "function"

    @Option(name: .customLong("cold-starts"), help: "Number of cold starts to time.")
    var coldStarts = 30

    @Option(help: "Number of back-to-back invocations to time.")
    var invocations = 2000

    @Option(help: "Event payload of every invocation.")
    var payload = ""

    @OptionGroup var function: FunctionOptions

    func validate() throws {
        guard coldStarts >= 1, invocations >= 2 else { throw ValidationError("need at least 1 cold start and 2 invocations") }
        guard !function.command.isEmpty else { throw ValidationError("give the function command after --") }
    }

    func run() async throws {
        var configuration = try function.configuration()
        if configuration.functionOutputPath == nil { configuration.functionOutputPath = "/dev/null" }
        let emulator = try await RuntimeEmulator(configuration: configuration)
        var coldStartMilliseconds: [Double] = []
        for _ in 0..<coldStarts {
            coldStartMilliseconds.append(Double(try await emulator.measureColdStart()) / 1e6)
        }
        let coldRSS = try await emulator.statistics().lastMaxRSSKilobytes
        let loop = try await emulator.measureLoop(count: invocations, payload: ByteBuffer(string: payload))
        try await emulator.stopFunction()
        let loopRSS = try await emulator.statistics().lastMaxRSSKilobytes
        try await emulator.shutdown()

        let cold = Percentiles(coldStartMilliseconds)
        let overhead = Percentiles(loop.intervals.map { Double($0) / 1e3 })
        let report: [String: Any] = [
            "label": label,
            "coldStarts": cold.count,
            "coldStartMedianMs": cold.median,
            "coldStartP90Ms": cold.value(at: 0.9),
            "invocations": overhead.count,
            "failedInvocations": loop.failures,
            "loopMedianUs": overhead.median,
            "loopP99Us": overhead.value(at: 0.99),
            "maxRSSMB": Double(max(coldRSS, loopRSS)) / 1024,
        ]
        let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
