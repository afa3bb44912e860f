/// Keeps each secret for the life of the process: a Lambda function reads its secrets once per cold
/// start, not once per invocation. Concurrent first reads of the same secret share one request, and a
/// failed read is not cached.
public actor SecretCache {
    private let load: @Sendable (String) async throws -> SecretValue
    private var entries: [String: Task<SecretValue, any Error>] = [:]

    public init(client: SecretsManagerClient) {
        load = { try await client.getSecretValue(secretID: $0) }
    }

    /// For tests and for local runs that take secrets from elsewhere.
    public init(loader: @escaping @Sendable (String) async throws -> SecretValue) {
        load = loader
    }

    public func value(for secretID: String) async throws -> SecretValue {
        if let entry = entries[secretID] { return try await entry.value }
        let task = Task { [load] in try await load(secretID) }
        entries[secretID] = task
        do {
            return try await task.value
        } catch {
            entries[secretID] = nil
            throw error
        }
    }
}
