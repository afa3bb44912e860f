#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where finished log lines go. Lambda collects the process's stdout; tests collect lines in memory.
public protocol LogOutput: Sendable {
    func write(line: String)
}

/// Writes each line with one `write(2)` call, so concurrent lines do not interleave within a pipe buffer and
/// nothing is lost in a user-space buffer if the process is killed at its deadline.
public struct StandardOutputLog: LogOutput {
    public init() {}

    public func write(line: String) {
        var text = line
        text.append("\n")
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
