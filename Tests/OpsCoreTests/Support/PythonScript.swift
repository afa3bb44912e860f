import Foundation
import TestSupport

/// Runs one of the repository's Python checkers with `input` on stdin.
enum PythonScript {
    static func run(_ relativePath: String, input: Data) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Executables.path(of: "python3"))
        process.arguments = [RepositoryPaths.root.appendingPathComponent(relativePath).path]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
