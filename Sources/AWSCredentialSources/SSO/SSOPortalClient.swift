#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime
import AWSCore

/// The IAM Identity Center portal: the role credentials a cached `aws sso login` token is worth. REST-JSON,
/// unsigned (the bearer token is the proof), at `portal.sso.<region>.amazonaws.com`.
public struct SSOPortalClient: Sendable {
    public static let service = AWSService(signingName: "awsssoportal", endpointPrefix: "portal.sso", serviceID: "SSO")
    private let service: ServiceClient

    public init(client: AWSClient, configuration: AWSServiceConfiguration) {
        service = ServiceClient(client: client, configuration: configuration, wireProtocol: .restJSON)
    }

    struct Output: Decodable {
        struct RoleCredentials: Decodable {
            var accessKeyId: String
            var secretAccessKey: String
            var sessionToken: String
            /// Epoch milliseconds.
            var expiration: Int64
        }
        var roleCredentials: RoleCredentials
    }

    public func getRoleCredentials(accountID: String, roleName: String, accessToken: String) async throws -> AWSCredentials {
        let input = OperationInput(
            parameters: [.init("role_name", roleName), .init("account_id", accountID)],
            headers: [.init("x-amz-sso_bearer_token", accessToken)])
        let output = try await service.send(
            AWSOperation("GetRoleCredentials", method: .GET, path: "/federation/credentials", isSigned: false), input, as: Output.self)
        let role = output.roleCredentials
        return AWSCredentials(
            accessKeyID: role.accessKeyId, secretAccessKey: role.secretAccessKey, sessionToken: role.sessionToken,
            expiration: Instant(epochMilliseconds: role.expiration))
    }
}
