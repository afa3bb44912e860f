import Foundation

/// One run of a program to its end, with what it wrote to each stream: how the command line is tested, as
/// an operator runs it.
public struct ProgramRun: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String

    /// Runs `executable` with `arguments` and exactly `environment` (nothing inherited), and waits for it.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Duration = .seconds(120)) async throws -> ProgramRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                throw ProgramRunTimedOut(executable: executable, arguments: arguments)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        try out.close()
        try err.close()
        return ProgramRun(
            status: process.terminationStatus, standardOutput: try String(contentsOf: outURL, encoding: .utf8),
            standardError: try String(contentsOf: errURL, encoding: .utf8))
    }
}

public struct ProgramRunTimedOut: Error, CustomStringConvertible {
    public let executable: String
    public let arguments: [String]
    public var description: String { "\(executable) \(arguments.joined(separator: " ")) did not finish in time" }
}
