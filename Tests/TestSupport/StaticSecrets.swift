import OpsCore

/// Secrets Manager as a fixed map, for unit tests of code that reads secrets through a `SecretSource`.
public struct StaticSecrets: SecretSource {
    public var values: [String: String]

    public init(values: [String: String]) { self.values = values }

    public func secretString(id: String) async throws -> String {
        guard let value = values[id] else { throw NoSuchSecret(id: id) }
        return value
    }

    public struct NoSuchSecret: Error { public var id: String }
}
