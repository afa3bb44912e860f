import Foundation

/// Runs one of the repository's Python scripts that tests use as an oracle or checker (botocore, hashlib,
/// html.parser, the Block Kit checker).
public enum PythonScript {
    public struct Result: Sendable {
        public let status: Int32
        public let output: Data
        public let errors: String
    }

    /// The script's exit status, standard output and standard error; `script` is relative to the repository,
    /// `environment` added to this process's.
    public static func execute(_ script: String, arguments: [String] = [], input: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        }
        process.executableURL = URL(fileURLWithPath: try Executables.path(of: "python3"))
        process.arguments = [RepositoryPaths.root.appendingPathComponent(script).path] + arguments
        let stdin = Pipe()
        let output = Pipe()
        // Errors go to a file, not a second pipe: a script that fills one pipe while we drain the other would hang.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("python-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Written from another thread: a script that answers while it reads must not block on a full pipe.
        let writer = Thread {
            if let input { stdin.fileHandleForWriting.write(input) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: data, errors: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    /// What the script printed; an exit status other than 0 is an error carrying its standard error.
    public static func run(_ script: String, arguments: [String] = [], input: Data? = nil, environment: [String: String] = [:]) throws -> Data {
        let result = try execute(script, arguments: arguments, input: input, environment: environment)
        guard result.status == 0 else {
            throw PythonScriptFailure(script: script, status: result.status, stderr: result.errors)
        }
        return result.output
    }
}

public struct PythonScriptFailure: Error, CustomStringConvertible {
    public let script: String
    public let status: Int32
    public let stderr: String

    public var description: String { "\(script) exited with \(status): \(stderr)" }
}
