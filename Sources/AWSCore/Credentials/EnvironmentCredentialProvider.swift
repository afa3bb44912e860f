#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`: how Lambda hands a function its role's credentials.
public struct EnvironmentCredentialProvider: CredentialProvider {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func credentials() async throws -> AWSCredentials {
        let source = "the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)"
        let accessKeyID = environment.nonEmpty("AWS_ACCESS_KEY_ID")
        let secret = environment.nonEmpty("AWS_SECRET_ACCESS_KEY")
        switch (accessKeyID, secret) {
        case (nil, nil):
            throw CredentialProviderError.notFound(source: source)
        case (nil, _):
            throw CredentialProviderError.incomplete(source: source, missing: "AWS_ACCESS_KEY_ID")
        case (_, nil):
            throw CredentialProviderError.incomplete(source: source, missing: "AWS_SECRET_ACCESS_KEY")
        case (let accessKeyID?, let secret?):
            return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: environment.nonEmpty("AWS_SESSION_TOKEN"))
        }
    }
}

extension [String: String] {
    /// A variable set to the empty string counts as unset, as in the AWS SDKs.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
