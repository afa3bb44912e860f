#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AWSCore

/// AWS STS over the query protocol: who am I, and the two ways of assuming a role that credential
/// sources need. `AssumeRoleWithWebIdentity` is unsigned: the web identity token is the proof.
public struct STSClient: Sendable {
    static let wireProtocol = WireProtocol.query(apiVersion: "2011-06-15")
    private let service: ServiceClient

    public init(client: AWSClient, configuration: AWSServiceConfiguration) {
        service = ServiceClient(client: client, configuration: configuration, wireProtocol: Self.wireProtocol)
    }

    public struct CallerIdentity: Decodable, Sendable, Equatable {
        public var Account: String
        public var Arn: String
        public var UserId: String
    }

    public func getCallerIdentity() async throws -> CallerIdentity {
        try await service.send(AWSOperation("GetCallerIdentity"), as: CallerIdentity.self)
    }

    /// What an assume-role call needs beyond the role: the SDKs' profile settings of the same names.
    public struct RoleRequest: Sendable, Equatable {
        public var roleARN: String
        public var sessionName: String
        public var externalID: String?
        public var durationSeconds: Int?
        /// `mfa_serial` and the code typed for it.
        public var mfa: MFA?

        public struct MFA: Sendable, Equatable {
            public var serial: String
            public var code: String

            public init(serial: String, code: String) {
                self.serial = serial
                self.code = code
            }
        }

        public init(roleARN: String, sessionName: String, externalID: String? = nil, durationSeconds: Int? = nil, mfa: MFA? = nil) {
            self.roleARN = roleARN
            self.sessionName = sessionName
            self.externalID = externalID
            self.durationSeconds = durationSeconds
            self.mfa = mfa
        }
    }

    public func assumeRole(_ request: RoleRequest) async throws -> AWSCredentials {
        var parameters = [OperationInput.Parameter("RoleArn", request.roleARN), OperationInput.Parameter("RoleSessionName", request.sessionName)]
        if let externalID = request.externalID { parameters.append(.init("ExternalId", externalID)) }
        if let duration = request.durationSeconds { parameters.append(.init("DurationSeconds", String(duration))) }
        if let mfa = request.mfa { parameters += [.init("SerialNumber", mfa.serial), .init("TokenCode", mfa.code)] }
        let output = try await service.send(AWSOperation("AssumeRole"), OperationInput(parameters: parameters), as: AssumedRole.self)
        return output.Credentials.credentials
    }

    public func assumeRoleWithWebIdentity(roleARN: String, sessionName: String, token: String, durationSeconds: Int? = nil) async throws -> AWSCredentials {
        var parameters = [
            OperationInput.Parameter("RoleArn", roleARN), OperationInput.Parameter("RoleSessionName", sessionName),
            OperationInput.Parameter("WebIdentityToken", token),
        ]
        if let durationSeconds { parameters.append(.init("DurationSeconds", String(durationSeconds))) }
        let output = try await service.send(
            AWSOperation("AssumeRoleWithWebIdentity", isSigned: false), OperationInput(parameters: parameters), as: AssumedRole.self)
        return output.Credentials.credentials
    }

    struct AssumedRole: Decodable {
        var Credentials: TemporaryCredentials
    }

    struct TemporaryCredentials: Decodable {
        var AccessKeyId: String
        var SecretAccessKey: String
        var SessionToken: String
        var Expiration: AWSTimestamp

        var credentials: AWSCredentials {
            AWSCredentials(accessKeyID: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken, expiration: Expiration.instant)
        }
    }
}
