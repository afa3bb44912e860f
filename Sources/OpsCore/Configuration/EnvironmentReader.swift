/// Typed, validated reads of the process environment (SPEC §10). Every failure is a `ConfigurationError`.
public struct EnvironmentReader: Sendable {
    public let variables: [String: String]
    /// Told the name of every variable read: how tests check a function's configuration against the
    /// environment Terraform gives it.
    private let onRead: @Sendable (String) -> Void

    public init(_ variables: [String: String], onRead: @escaping @Sendable (String) -> Void = { _ in }) {
        self.variables = variables
        self.onRead = onRead
    }

    /// The value, or nil when unset or blank (an empty variable in Terraform means "not set").
    public func optional(_ name: String) -> String? {
        onRead(name)
        guard let value = variables[name], !value.allSatisfy({ $0 == " " }) else { return nil }
        return value
    }

    public func string(_ name: String, default defaultValue: String) -> String {
        optional(name) ?? defaultValue
    }

    public func required(_ name: String, expected: String) throws(ConfigurationError) -> String {
        guard let value = optional(name) else { throw ConfigurationError(variable: name, value: nil, expected: expected) }
        return value
    }

    public func integer(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let text = optional(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(variable: name, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A DynamoDB table, S3 bucket or similar AWS resource name: required, no spaces.
    public func resourceName(_ name: String, what: String) throws(ConfigurationError) -> String {
        let value = try required(name, expected: what)
        guard value.count <= 255, !value.contains(where: { $0 == " " || $0 == "/" }) else {
            throw ConfigurationError(variable: name, value: value, expected: what)
        }
        return value
    }

    /// An HTTP header name (RFC 9110 token characters).
    public func headerName(_ name: String, default defaultValue: String) throws(ConfigurationError) -> String {
        let value = string(name, default: defaultValue)
        let allowed = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        guard !value.isEmpty, value.count <= 100, value.allSatisfy(allowed.contains) else {
            throw ConfigurationError(variable: name, value: value, expected: "an HTTP header name")
        }
        return value
    }
}
