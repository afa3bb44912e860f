/// A setting that is missing or wrong. The message names the variable and what it should be, because it
/// ends up as the function's init error, which is what an operator reads first.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var variable: String
    public var value: String?
    public var expected: String

    public init(variable: String, value: String?, expected: String) {
        self.variable = variable
        self.value = value
        self.expected = expected
    }

    public var description: String {
        guard let value else { return "\(variable) is not set: expected \(expected)" }
        // Long values are cut: a misplaced secret must not be echoed whole into the logs.
        let shown = value.count > 40 ? String(value.prefix(12)) + "…" : value
        return "\(variable)=\"\(shown)\" is not valid: expected \(expected)"
    }
}
