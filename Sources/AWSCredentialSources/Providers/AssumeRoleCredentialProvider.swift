import AWSCore
import HTTPCore
import Logging

/// `role_arn` with `source_profile` or `credential_source`: the source's credentials call STS AssumeRole.
/// With `mfa_serial` the code is asked for each time the role is assumed (once per expiry, behind a
/// `RefreshingCredentialProvider`).
public struct AssumeRoleCredentialProvider: CredentialProvider {
    public let request: STSClient.RoleRequest
    public let profile: String
    /// e.g. `assume-role via source_profile base`.
    public let label: String
    let source: any CredentialProvider
    let mfa: MFACode?
    let sts: AWSServiceConfiguration
    let transport: any HTTPTransport
    let logger: Logger

    /// The serial of `mfa_serial` and where its code comes from.
    public struct MFACode: Sendable {
        public var serial: String
        public var source: any MFACodeSource

        public init(serial: String, source: any MFACodeSource) {
            self.serial = serial
            self.source = source
        }
    }

    public init(
        request: STSClient.RoleRequest, profile: String, label: String, source: any CredentialProvider, mfa: MFACode?,
        sts: AWSServiceConfiguration, transport: any HTTPTransport, logger: Logger
    ) {
        self.request = request
        self.profile = profile
        self.label = label
        self.source = source
        self.mfa = mfa
        self.sts = sts
        self.transport = transport
        self.logger = logger
    }

    public func credentials() async throws -> AWSCredentials {
        var request = request
        if let mfa {
            request.mfa = .init(serial: mfa.serial, code: try await mfa.source.code(profile: profile, serial: mfa.serial))
        }
        let client = AWSClient(credentials: source, transport: transport, logger: logger)
        var credentials = try await STSClient(client: client, configuration: sts).assumeRole(request)
        credentials.source = label
        return credentials
    }
}
