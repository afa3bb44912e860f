#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

/// `--apply` and `--yes` (SPEC §13.0): nothing changes AWS without `--apply`; with it, a person at a terminal
/// is asked first unless `--yes`, and a script without `--yes` is refused rather than left waiting.
public struct ApplyOptions: ParsableArguments, Sendable {
    @Flag(help: "Make the changes. Without it the plan is printed and no write call is made.")
    public var apply = false

    @Flag(help: "Do not ask before writing (needed with --apply when standard input is not a terminal).")
    public var yes = false

    public init() {}

    public mutating func validate() throws {
        if yes && !apply { throw ValidationError("--yes only goes with --apply") }
    }

    /// Whether to write `count` changes: asks on a terminal, refuses (usage) elsewhere without `--yes`.
    func confirmed(_ count: Int, what: String) throws -> Bool {
        guard apply, count > 0 else { return false }
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            Terminal.writeError("refusing to write \(count) \(what) without --yes: standard input is not a terminal")
            throw CommandExit(.usage)
        }
        Terminal.writeErrorRaw("Write \(count) \(what)? [y/N] ")
        let answer = readLine(strippingNewline: true)?.lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
