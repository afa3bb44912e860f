import Foundation

/// A program run to its end, its standard output and error together.
struct ProgramOutput {
    let status: Int32
    let output: String

    static func run(_ executable: String, _ arguments: [String]) throws -> ProgramOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProgramOutput(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
