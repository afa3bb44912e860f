#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime
import AWSCore
import HTTPCore
import Logging

/// IAM Identity Center: the token `aws sso login` cached for the profile's `sso_session` (or legacy
/// `sso_start_url`) exchanged for the role's credentials (`sso_account_id`, `sso_role_name`) at the portal in
/// the session's region. Logging in stays the AWS CLI's job.
public struct SSOCredentialProvider: CredentialProvider {
    public let profile: String
    public let accountID: String
    public let roleName: String
    /// The session name, or the start URL for a legacy profile: what the token cache is keyed by.
    public let tokenKey: String
    let portal: AWSServiceConfiguration
    let cache: SSOTokenCache
    let transport: any HTTPTransport
    let logger: Logger
    let now: @Sendable () -> Instant

    public init(
        profile: String, accountID: String, roleName: String, tokenKey: String, portal: AWSServiceConfiguration,
        environment: [String: String], transport: any HTTPTransport, logger: Logger, now: @escaping @Sendable () -> Instant = Instant.now
    ) {
        self.profile = profile
        self.accountID = accountID
        self.roleName = roleName
        self.tokenKey = tokenKey
        self.portal = portal
        cache = SSOTokenCache(environment: environment)
        self.transport = transport
        self.logger = logger
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        let token = try cache.token(key: tokenKey, profile: profile, now: now())
        let client = AWSClient(credentials: NoCredentials(), transport: transport, logger: logger)
        do {
            var credentials = try await SSOPortalClient(client: client, configuration: portal)
                .getRoleCredentials(accountID: accountID, roleName: roleName, accessToken: token.accessToken)
            credentials.source = "sso"
            return credentials
        } catch let error as AWSServiceError where error.code == "UnauthorizedException" {
            throw CredentialSourceError.ssoLoginNeeded(profile: profile, reason: "the portal refused the cached SSO token")
        }
    }
}
