@testable import AWSCore
import Foundation
import HTTP1Client
import HTTPCore
import Testing
import TestSupport

/// Runs a suite against a moto server of its own (started before its first test, stopped after its last),
/// with a real AsyncHTTPClient transport.
struct MotoTrait: SuiteTrait, TestScoping {
    let authentication: Bool

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let server = try await MotoServer.start(authentication: authentication)
        let transport = HTTP1Transport()
        do {
            try await Moto.$current.withValue(Moto(server: server, transport: transport)) { try await function() }
        } catch {
            try await transport.shutdown()
            server.stop()
            throw error
        }
        try await transport.shutdown()
        server.stop()
    }
}

extension Trait where Self == MotoTrait {
    static func moto(authentication: Bool) -> MotoTrait { MotoTrait(authentication: authentication) }
}

/// The server a suite under `MotoTrait` talks to, and clients configured for it.
struct Moto: Sendable {
    @TaskLocal static var current: Moto?

    static func require() throws -> Moto {
        try #require(current, "the suite needs the .moto trait")
    }

    let server: MotoServer
    let transport: HTTP1Transport

    var environment: [String: String] { ["AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": server.endpoint] }

    var credentials: AWSCredentials { AWSCredentials(accessKeyID: server.accessKeyID, secretAccessKey: server.secretAccessKey) }

    func client(credentials: AWSCredentials? = nil) -> AWSClient {
        AWSClient(credentials: StaticCredentialProvider(credentials ?? self.credentials), transport: transport)
    }

    func configuration(_ service: AWSService) throws -> AWSServiceConfiguration {
        try AWSServiceConfiguration.resolve(service, environment: environment)
    }

    /// A JSON-protocol call the clients do not offer (table and secret creation), through the same signed pipeline.
    func jsonCall(_ service: AWSService, version: String, target: String, operation: String, input: some Encodable) async throws {
        let protocolClient = ServiceClient(
            client: client(), configuration: try configuration(service), wireProtocol: .json(version: version, targetPrefix: target))
        _ = try await protocolClient.sendJSON(operation, input: input, as: DynamoDBShapes.Ignored.self)
    }

    func createBucket(_ name: String) async throws {
        let configuration = try configuration(.s3)
        let request = AWSRequest(endpoint: configuration.endpoint, method: .PUT, path: "/" + name, timeout: .seconds(10))
        let context = AWSRequestContext(service: .s3, operation: "S3.CreateBucket", region: "us-east-1", signingOptions: .s3, logger: client().logger)
        _ = try await client().send(request, context: context)
    }
}
