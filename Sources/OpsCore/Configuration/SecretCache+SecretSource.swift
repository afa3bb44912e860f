import AWSCore

/// Secrets Manager, cached for the life of the process, is where the functions' secrets come from.
extension SecretCache: SecretSource {
    public func secretString(id: String) async throws -> String {
        guard let text = try await value(for: id).string else { throw SecretFieldError(secretID: id, field: "SecretString") }
        return text
    }
}
