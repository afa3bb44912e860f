#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment, read from `environ`. `ProcessInfo.processInfo` would link Foundation into the
/// functions and first gather what they never ask for (arguments, host and process names, …): about 20 page
/// faults before the first `/next`.
public enum ProcessEnvironment {
    public static func read() -> [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return variables
    }

    /// The user's home directory: `$HOME`, else the password database's entry for the real user, as the
    /// AWS SDKs look for `~/.aws` (a Lambda or cron environment may have no `HOME`).
    public static func homeDirectory(environment: [String: String]) -> String? {
        if let home = environment["HOME"], !home.isEmpty { return home }
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        let path = String(cString: directory)
        return path.isEmpty ? nil : path
    }
}
