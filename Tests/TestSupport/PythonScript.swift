import Foundation

/// Runs a Python script the tests use as an oracle (botocore, hashlib) and returns what it printed.
public enum PythonScript {
    public static func run(_ script: URL, arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Executables.path(of: "python3"))
        process.arguments = [script.path] + arguments
        let output = Pipe()
        // Errors go to a file, not a second pipe: a script that fills one pipe while we drain the other would hang.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("python-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw PythonScriptFailure(script: script.lastPathComponent, status: process.terminationStatus, stderr: stderr)
        }
        return data
    }
}

public struct PythonScriptFailure: Error, CustomStringConvertible {
    public let script: String
    public let status: Int32
    public let stderr: String

    public var description: String { "\(script) exited with \(status): \(stderr)" }
}
