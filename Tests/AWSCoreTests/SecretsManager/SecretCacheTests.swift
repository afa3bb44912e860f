@testable import AWSCore
import Foundation
import HTTPCore
import Synchronization
import TestSupport
import Testing

@Suite struct SecretCacheTests {
    @Test func readsEachSecretOnceEvenUnderConcurrency() async throws {
        let calls = Mutex(0)
        let cache = SecretCache { id in
            calls.withLock { $0 += 1 }
            try await Task.sleep(for: .milliseconds(20))
            return SecretValue(arn: nil, name: id, versionID: "v1", string: #"{"token":"t-\#(id)"}"#, binary: nil)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 { group.addTask { _ = try await cache.value(for: "webhook") } }
            try await group.waitForAll()
        }
        struct Token: Decodable { let token: String }
        #expect(try await cache.value(for: "webhook").decodeJSON(Token.self).token == "t-webhook")
        #expect(calls.withLock { $0 } == 1)
    }

    @Test func failuresAreNotCached() async throws {
        let calls = Mutex(0)
        let cache = SecretCache { id in
            let call = calls.withLock { $0 += 1; return $0 }
            if call == 1 { throw TransportError.timedOut(url: "u", detail: "d") }
            return SecretValue(arn: nil, name: id, versionID: nil, string: "s", binary: nil)
        }
        await #expect(throws: TransportError.self) { try await cache.value(for: "x") }
        #expect(try await cache.value(for: "x").string == "s")
    }

    @Test func clientSpeaksJSON11AndValuesNeverPrint() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(200, #"{"ARN":"arn:x","Name":"slack","VersionId":"v","SecretString":"https://hooks.example/SECRETPART"}"#)
        ])
        let client = SecretsManagerClient(client: TestClients.awsClient(transport), configuration: try TestClients.configuration(.secretsManager))
        let value = try await client.getSecretValue(secretID: "slack")
        #expect(value.string == "https://hooks.example/SECRETPART")
        #expect(transport.requests.first?.headers.first(name: "X-Amz-Target") == "secretsmanager.GetSecretValue")
        #expect(transport.requests.first?.headers.first(name: "Content-Type") == "application/x-amz-json-1.1")
        #expect(transport.requests.first?.bodyText == #"{"SecretId":"slack"}"#)
        var dumped = ""
        dump(value, to: &dumped)
        for text in ["\(value)", String(reflecting: value), dumped] { #expect(!text.contains("SECRETPART")) }
    }
}
