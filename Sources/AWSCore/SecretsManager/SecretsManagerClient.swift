/// Secrets Manager over its JSON 1.1 protocol.
public struct SecretsManagerClient: Sendable {
    private let protocolClient: ServiceClient

    public init(client: AWSClient, configuration: AWSServiceConfiguration) {
        protocolClient = ServiceClient(client: client, configuration: configuration, wireProtocol: .json(version: "1.1", targetPrefix: "secretsmanager"))
    }

    private struct GetSecretValueInput: Encodable {
        let SecretId: String
        let VersionStage: String?
    }

    /// The current version (or the one labelled `versionStage`) of a secret, by name or ARN.
    public func getSecretValue(secretID: String, versionStage: String? = nil) async throws -> SecretValue {
        try await protocolClient.sendJSON(
            "GetSecretValue", input: GetSecretValueInput(SecretId: secretID, VersionStage: versionStage), as: SecretValue.self)
    }
}
