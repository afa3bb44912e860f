import CivilTime

/// An `OPS_CHECK_SLOTS` value that cannot be used; the functions report it as an init error naming the
/// variable.
public struct CheckSlotsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String

    init(_ text: String, _ reason: String) {
        self.text = TimeParseError.quotable(text)
        self.reason = reason
    }

    public var description: String {
        "invalid check slots \"\(text)\": \(reason) (expected local times like \"09:00,20:00\")"
    }
}
