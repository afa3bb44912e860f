#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime
import AWSCore
import HTTPCore
import Logging

/// A role assumed with an OIDC token from a file (EKS IRSA, CI runners): `AWS_WEB_IDENTITY_TOKEN_FILE` +
/// `AWS_ROLE_ARN` (+ `AWS_ROLE_SESSION_NAME`), or a profile's `web_identity_token_file`. The file is read
/// each time, since the platform rotates it.
public struct WebIdentityCredentialProvider: CredentialProvider {
    public let roleARN: String
    public let tokenFile: String
    public let sessionName: String
    public let label: String
    let sts: AWSServiceConfiguration
    let transport: any HTTPTransport
    let logger: Logger

    public init(
        roleARN: String, tokenFile: String, sessionName: String, label: String, sts: AWSServiceConfiguration,
        transport: any HTTPTransport, logger: Logger
    ) {
        self.roleARN = roleARN
        self.tokenFile = tokenFile
        self.sessionName = sessionName
        self.label = label
        self.sts = sts
        self.transport = transport
        self.logger = logger
    }

    /// From the environment; nil when `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_ARN` are not both set.
    public static func fromEnvironment(
        _ environment: [String: String], sts: AWSServiceConfiguration, transport: any HTTPTransport, logger: Logger
    ) -> WebIdentityCredentialProvider? {
        guard let file = environment.nonEmpty("AWS_WEB_IDENTITY_TOKEN_FILE"), let role = environment.nonEmpty("AWS_ROLE_ARN") else { return nil }
        return WebIdentityCredentialProvider(
            roleARN: role, tokenFile: file, sessionName: environment.nonEmpty("AWS_ROLE_SESSION_NAME") ?? RoleSessionName.make(),
            label: "web identity", sts: sts, transport: transport, logger: logger)
    }

    public func credentials() async throws -> AWSCredentials {
        guard let data = FileManager.default.contents(atPath: tokenFile), !data.isEmpty else {
            throw CredentialSourceError.webIdentityTokenUnreadable(path: tokenFile)
        }
        let token = String(decoding: data, as: UTF8.self).trimmedWhitespace
        let client = AWSClient(credentials: NoCredentials(), transport: transport, logger: logger)
        var credentials = try await STSClient(client: client, configuration: sts)
            .assumeRoleWithWebIdentity(roleARN: roleARN, sessionName: sessionName, token: String(token))
        credentials.source = label
        return credentials
    }
}

/// For unsigned calls: asked for credentials, it has none.
struct NoCredentials: CredentialProvider {
    func credentials() async throws -> AWSCredentials {
        throw CredentialProviderError.notFound(source: "an unsigned request")
    }
}

/// The session names this tool gives the roles it assumes, when the profile names none: CloudTrail shows
/// who assumed the role, so it says what did.
enum RoleSessionName {
    static func make(now: Instant = .now()) -> String {
        "opsdaily-\(now.epochSeconds)"
    }
}
