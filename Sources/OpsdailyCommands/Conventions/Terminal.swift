#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes. Standard output carries the results; standard error progress and diagnostics, so a
/// result piped into a file or `jq` stays clean.
public enum Terminal {
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    public static func write(_ text: String) {
        print(text)
    }

    public static func writeError(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        writeErrorRaw(line)
    }

    /// As is, no newline added (a progress bar redraws its line).
    static func writeErrorRaw(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(STDERR_FILENO, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Ends the process with `status` (a free function named `exit` is shadowed inside commands).
    public static func terminate(_ status: ExitStatus) -> Never {
        exit(status.rawValue)
    }
}

/// The C `write`, which `Terminal.write` shadows inside the enum.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
