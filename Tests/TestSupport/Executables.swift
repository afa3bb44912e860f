import Foundation

/// Finds tools the tests run (python3 and its modules' servers), wherever pyenv or a virtualenv put them.
public enum Executables {
    /// The first executable `name` on `PATH`.
    public static func path(of name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw ExecutableNotFound(name: name, searched: path)
    }
}

public struct ExecutableNotFound: Error, CustomStringConvertible {
    public let name: String
    public let searched: String

    public var description: String { "\(name) is not on PATH (\(searched))" }
}
