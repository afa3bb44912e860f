import HostSystem

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`: how Lambda hands a function its role's credentials.
public struct EnvironmentCredentialProvider: CredentialProvider {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessEnvironment.read()) {
        self.environment = environment
    }

    public func credentials() async throws -> AWSCredentials {
        var credentials = try AWSCredentials.fromSettings(
            source: "the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)",
            accessKeyID: ("AWS_ACCESS_KEY_ID", environment.nonEmpty("AWS_ACCESS_KEY_ID")),
            secretAccessKey: ("AWS_SECRET_ACCESS_KEY", environment.nonEmpty("AWS_SECRET_ACCESS_KEY")),
            sessionToken: environment.nonEmpty("AWS_SESSION_TOKEN")
        )
        credentials.source = "env"
        return credentials
    }
}
