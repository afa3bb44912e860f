import AWSCore

/// The optional dedicated key that signs report links (SPEC §10): a long-lived access key of a user that
/// may only read reports, kept in a secret `{"access_key_id": …, "secret_access_key": …}`. Lambda's role
/// credentials expire within hours, and every link they signed dies with them; this key's links live as
/// long as `OPS_REPORT_URL_TTL` asks.
public struct ReportSigningKey: Sendable, Equatable {
    public var secretID: String

    public init(secretID: String) {
        self.secretID = secretID
    }

    public func credentials(with secrets: any SecretSource) async throws -> AWSCredentials {
        let text = try await secrets.secretString(id: secretID)
        guard let accessKeyID = SecretJSON.field("access_key_id", in: text) else {
            throw SecretFieldError(secretID: secretID, field: "access_key_id")
        }
        guard let secretAccessKey = SecretJSON.field("secret_access_key", in: text) else {
            throw SecretFieldError(secretID: secretID, field: "secret_access_key")
        }
        // A temporary key (ASIA…) signs nothing without its session token, and would expire anyway.
        guard accessKeyID.hasPrefix("AKIA") else { throw ReportSigningKeyError(secretID: secretID) }
        return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey)
    }
}

/// The signing secret holds something other than a long-lived access key (the value is never shown).
public struct ReportSigningKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var secretID: String
    public var description: String {
        "secret \(secretID): access_key_id is not a long-lived access key (AKIA…); create one with `aws iam create-access-key`"
    }
}
