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
        #if canImport(Darwin)
        var entry = _NSGetEnviron().pointee!
        #else
        var entry = environ
        #endif
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
        // getpwuid_r, not getpwuid: the answer lives in our buffer, not in one shared by every thread.
        var buffer = [CChar](repeating: 0, count: 16_384)
        let path: String? = buffer.withUnsafeMutableBufferPointer { storage in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            guard let base = storage.baseAddress, getpwuid_r(getuid(), &entry, base, storage.count, &result) == 0, result != nil,
                  let directory = entry.pw_dir
            else { return nil }
            return String(cString: directory)
        }
        guard let path, !path.isEmpty else { return nil }
        return path
    }
}
