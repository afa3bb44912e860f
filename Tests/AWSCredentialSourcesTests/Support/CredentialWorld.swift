import AWSCore
import AWSCredentialSources
import AsyncHTTPClientSupport
import Foundation
import HTTPCore
import TestSupport

/// A moto with signature checking on, its IAM user's key, roles made in it, and the STS the providers call.
struct CredentialWorld {
    let moto: MotoServer
    let transport: AsyncHTTPClientTransport
    let roleARNs: [String]

    static func start(roles: [String] = ["opsdaily-a", "opsdaily-b"], authentication: Bool = true) async throws -> CredentialWorld {
        let moto = try await MotoServer.start(authentication: authentication)
        let transport = AsyncHTTPClientTransport()
        let iam = ServiceClient(
            client: AWSClient(credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: moto.accessKeyID, secretAccessKey: moto.secretAccessKey)), transport: transport),
            configuration: try AWSServiceConfiguration.resolve(.iam, region: "ap-northeast-2", environment: ["AWS_ENDPOINT_URL": moto.endpoint]),
            wireProtocol: .query(apiVersion: "2010-05-08"))
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#
        var arns: [String] = []
        for role in roles {
            let created = try await iam.send(AWSOperation("CreateRole"), OperationInput(parameters: [.init("RoleName", role), .init("AssumeRolePolicyDocument", trust)]))
            arns.append(created.values(at: "Role.Arn").first?.text ?? "")
            // moto checks an assumed role's own policies: a role in a chain must be allowed to assume the next.
            _ = try await iam.send(AWSOperation("PutRolePolicy"), OperationInput(parameters: [
                .init("RoleName", role), .init("PolicyName", "everything"),
                .init("PolicyDocument", #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#),
            ]))
        }
        return CredentialWorld(moto: moto, transport: transport, roleARNs: arns)
    }

    var environment: [String: String] { ["AWS_ENDPOINT_URL": moto.endpoint, "AWS_REGION": "ap-northeast-2"] }

    var staticProfile: String {
        "aws_access_key_id = \(moto.accessKeyID)\naws_secret_access_key = \(moto.secretAccessKey)\n"
    }

    /// Who `provider`'s credentials are, by STS GetCallerIdentity through moto.
    func identity(_ provider: any CredentialProvider) async throws -> STSClient.CallerIdentity {
        try await STSClient(
            client: AWSClient(credentials: provider, transport: transport),
            configuration: try AWSServiceConfiguration.resolve(.sts, region: "ap-northeast-2", environment: environment)
        ).getCallerIdentity()
    }

    func stop() async {
        try? await transport.shutdown()
        moto.stop()
    }
}

/// Answers MFA prompts with a fixed code and remembers what it was asked.
final class ScriptedMFA: MFACodeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String] = []
    let code: String

    init(code: String) { self.code = code }

    var questions: [String] { lock.withLock { asked } }

    func code(profile: String, serial: String) async throws -> String {
        lock.withLock { asked.append("\(profile) \(serial)") }
        return code
    }
}
