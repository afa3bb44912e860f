import HostSystem

/// Asks each provider in turn and returns the first credentials found. Only "not here" answers move on to
/// the next provider; a half-configured source (an id without a secret) is an error worth stopping for.
public struct CredentialProviderChain: CredentialProvider {
    public let providers: [any CredentialProvider]

    public init(_ providers: [any CredentialProvider]) {
        self.providers = providers
    }

    /// What a function uses: the environment (Lambda), then the shared files (a developer's machine).
    public static func `default`(environment: [String: String] = ProcessEnvironment.read()) -> CredentialProviderChain {
        CredentialProviderChain([
            EnvironmentCredentialProvider(environment: environment),
            ProfileCredentialProvider(environment: environment),
        ])
    }

    public func credentials() async throws -> AWSCredentials {
        var reasons: [String] = []
        for provider in providers {
            do {
                return try await provider.credentials()
            } catch CredentialProviderError.notFound(let source) {
                reasons.append("nothing in \(source)")
            }
        }
        throw CredentialProviderError.noProviderSucceeded(reasons: reasons)
    }
}
