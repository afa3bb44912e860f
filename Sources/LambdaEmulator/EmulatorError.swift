/// Why the emulator could not do what it was asked.
public enum EmulatorError: Error, Sendable, CustomStringConvertible {
    case invalidCommand(String)
    case notRunning

    public var description: String {
        switch self {
        case .invalidCommand(let reason): return "cannot run the function: \(reason)"
        case .notRunning: return "the emulator is not running"
        }
    }
}
