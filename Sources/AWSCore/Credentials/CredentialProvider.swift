/// Where a client gets the credentials it signs with. Clients never read environment variables or files themselves.
public protocol CredentialProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}

public enum CredentialProviderError: Error, Equatable, CustomStringConvertible {
    /// The source holds no credentials at all (nothing set, no file, no such profile).
    case notFound(source: String)
    /// The source holds part of a key pair, e.g. an access key id without its secret.
    case incomplete(source: String, missing: String)
    /// Every provider of a chain came up empty; each entry says why.
    case noProviderSucceeded(reasons: [String])

    public var description: String {
        switch self {
        case .notFound(let source):
            return "no AWS credentials in \(source)"
        case .incomplete(let source, let missing):
            return "AWS credentials in \(source) lack \(missing)"
        case .noProviderSucceeded(let reasons):
            return "no AWS credentials found: " + reasons.joined(separator: "; ")
        }
    }
}

extension AWSCredentials {
    /// Credentials from a source whose settings may be missing or half-filled: both parts absent is
    /// `notFound` (the next provider may have them), one part absent is `incomplete` (a mistake to report).
    static func fromSettings(
        source: String, accessKeyID: (name: String, value: String?), secretAccessKey: (name: String, value: String?), sessionToken: String?
    ) throws -> AWSCredentials {
        switch (accessKeyID.value, secretAccessKey.value) {
        case (nil, nil):
            throw CredentialProviderError.notFound(source: source)
        case (nil, _):
            throw CredentialProviderError.incomplete(source: source, missing: accessKeyID.name)
        case (_, nil):
            throw CredentialProviderError.incomplete(source: source, missing: secretAccessKey.name)
        case (let id?, let secret?):
            return AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: sessionToken)
        }
    }
}
