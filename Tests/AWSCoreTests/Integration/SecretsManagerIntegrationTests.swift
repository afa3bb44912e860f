@testable import AWSCore
import Foundation
import Testing

/// Secrets Manager against moto with signature checking on.
@Suite(.moto(authentication: true))
struct SecretsManagerIntegrationTests {
    struct CreateSecret: Encodable {
        let Name: String
        let SecretString: String
    }

    @Test func readsASecretThroughTheCache() async throws {
        let moto = try Moto.require()
        let name = "opsdaily/slack-\(UUID().uuidString.prefix(8))"
        try await moto.jsonCall(
            .secretsManager, version: "1.1", target: "secretsmanager", operation: "CreateSecret",
            input: CreateSecret(Name: name, SecretString: #"{"webhook_url":"https://hooks.slack.example/T/B/X"}"#))
        let client = SecretsManagerClient(client: moto.client(), configuration: try moto.configuration(.secretsManager))
        let cache = SecretCache(client: client)
        struct Slack: Decodable { let webhook_url: String }
        #expect(try await cache.value(for: name).decodeJSON(Slack.self).webhook_url == "https://hooks.slack.example/T/B/X")
        #expect(try await cache.value(for: name).name == name)

        await #expect {
            try await client.getSecretValue(secretID: "opsdaily/absent")
        } throws: { error in
            (error as? AWSServiceError)?.isResourceNotFound == true
        }
    }

    @Test func wrongSecretKeyIsASignatureError() async throws {
        let moto = try Moto.require()
        let wrong = AWSCredentials(accessKeyID: moto.server.accessKeyID, secretAccessKey: "not-the-secret")
        let client = SecretsManagerClient(client: moto.client(credentials: wrong), configuration: try moto.configuration(.secretsManager))
        await #expect {
            try await client.getSecretValue(secretID: "anything")
        } throws: { error in
            (error as? AWSServiceError)?.isSignatureError == true
        }
    }
}
