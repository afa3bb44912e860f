import ArgumentParser
import Dispatch
import Foundation
import LambdaEmulator

/// Runs the emulator until it is told to stop, then stops the function process it started.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Runtime API and the Invoke API (POST /2015-03-31/functions/<name>/invocations)."
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: pick a free one).")
    var port = 0

    @Option(name: .customLong("port-file"), help: "File to write the bound port to once listening.")
    var portFile: String?

    @Flag(help: "Start the function process now instead of on the first invocation.")
    var start = false

    @OptionGroup var function: FunctionOptions

    func run() async throws {
        var configuration = try function.configuration()
        configuration.lifecycleLog = { line in FileHandle.standardOutput.write(Data("lambda-emulator: \(line)\n".utf8)) }
        let emulator = try await RuntimeEmulator(configuration: configuration, host: host, port: port)
        if let portFile {
            try String(emulator.port).write(toFile: portFile, atomically: true, encoding: .utf8)
        }
        // Written unbuffered: whoever started the emulator waits for this line to know it is ready.
        FileHandle.standardOutput.write(Data("lambda-emulator listening on http://\(host):\(emulator.port)\n".utf8))
        if start { try await emulator.startFunction() }
        await StopSignal.wait()
        try await emulator.shutdown()
    }
}

/// SIGINT and SIGTERM end the emulator cleanly, so the function process it started is never orphaned.
enum StopSignal {
    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeOnce(continuation)
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { once.resume() }
                source.resume()
                retained.append(source)
            }
        }
    }

    nonisolated(unsafe) private static var retained: [any DispatchSourceSignal] = []
}

/// Resumes a continuation at most once, whichever signal comes first.
private final class ResumeOnce: @unchecked Sendable {
    // @unchecked: `continuation` is only read and cleared under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?

    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

    func resume() {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume()
    }
}
