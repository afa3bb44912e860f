import HTTPCore
import Logging

extension AWSClient {
    /// The client a function builds once per cold start: credentials from the environment (as Lambda gives
    /// them) or the shared files (a developer's machine), the function's transport, standard retries.
    public static func lambdaDefault(environment: [String: String], transport: any HTTPTransport, logger: Logger) -> AWSClient {
        AWSClient(
            credentials: CredentialProviderChain.default(environment: environment),
            transport: transport,
            logger: logger
        )
    }
}
