/// The exit codes every `opsdaily` command keeps (SPEC §13.0), so CI can gate on them.
public enum ExitStatus: Int32, Sendable {
    case done = 0
    case failed = 1
    case usage = 2
    /// An audit found something.
    case findings = 3
}

/// Thrown by a command's `run()` to end with a status other than `done`, after it printed why.
public struct CommandExit: Error, Sendable, Equatable {
    public let status: ExitStatus

    public init(_ status: ExitStatus) {
        self.status = status
    }
}
