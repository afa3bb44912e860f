/// An event `daily-check` or `notification` cannot take as a schedule. Every message ends with the shapes
/// that are accepted, so whoever invoked the function by hand learns what to send instead.
public enum ScheduledInvocationError: Error, Sendable, Equatable, CustomStringConvertible {
    case notJSON
    case notAnObject
    case tooLarge(bytes: Int)
    /// None of the shapes' keys; carries (a few of) the keys that were there.
    case unrecognised(keys: [String])
    /// Keys of more than one shape at once: which one was meant is a guess this code does not make.
    case ambiguous(keys: [String])
    case invalidField(name: String, value: String, expected: String)
    /// A manual slot whose time is not one of `OPS_CHECK_SLOTS`.
    case slotNotConfigured(slot: String, configured: String)

    public static let acceptedShapes = """
        accepted events: {"detail-type": "Scheduled Event", "time": "2026-11-25T00:00:00Z"} (EventBridge rule), \
        {"scheduled_time": "2026-11-25T00:00:00Z"} (EventBridge Scheduler), \
        {"slot": "2026-11-25T09:00"} (manual run, local time)
        """

    public var description: String {
        let problem: String
        switch self {
        case .notJSON: problem = "the event is not JSON"
        case .notAnObject: problem = "the event is not a JSON object"
        case .tooLarge(let bytes): problem = "the event is \(bytes) bytes, far more than a schedule sends"
        case .unrecognised(let keys):
            problem = keys.isEmpty ? "the event has no fields" : "the event is not a schedule (fields: \(keys.joined(separator: ", ")))"
        case .ambiguous(let keys): problem = "the event mixes the fields of several shapes (\(keys.joined(separator: ", ")))"
        case .invalidField(let name, let value, let expected): problem = "\"\(name)\" is \(value); expected \(expected)"
        case .slotNotConfigured(let slot, let configured):
            problem = "\(slot) is not a check slot (the configured slots are \(configured))"
        }
        return problem + "; " + Self.acceptedShapes
    }
}
