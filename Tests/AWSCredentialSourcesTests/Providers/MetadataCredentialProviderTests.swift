import AWSCore
@testable import AWSCredentialSources
import AsyncHTTPClientSupport
import CivilTime
import Foundation
import HTTPCore
import Testing
import TestSupport

/// Container credentials, instance metadata (IMDSv2) and the SSO portal against fakes written to their public
/// contracts: what moto cannot play.
@Suite(.serialized) struct MetadataCredentialProviderTests {
    /// One pool for the whole run, never shut down: a test that ends early must not leave one to deinit unshut.
    static let sharedTransport = AsyncHTTPClientTransport()
    var transport: AsyncHTTPClientTransport { Self.sharedTransport }
    static let keys = ["--access-key-id", "ASIAFAKECREDENTIALS", "--secret-access-key", "FAKE-SECRET-VALUE", "--session-token", "FAKE-SESSION-TOKEN"]

    func requests(_ fake: FakeServer, _ prefix: String) async throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: try await fake.get("\(prefix)requests")) as? [[String: Any]] ?? []
    }

    @Test func containerCredentialsWithAnAuthorizationTokenOrItsFile() async throws {
        let fake = try await FakeServer(script: "container_credentials_fake.py", arguments: Self.keys + ["--authorization-token", "Basic c2VjcmV0"])
        defer { fake.process.terminate() }
        let uri = fake.baseURL + "/v1/credentials"
        let credentials = try await ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Basic c2VjcmV0"], transport: transport).credentials()
        #expect(credentials.accessKeyID == "ASIAFAKECREDENTIALS" && credentials.sessionToken == "FAKE-SESSION-TOKEN" && credentials.source == "container")
        #expect(credentials.expiration.map { $0 > Instant.now() } == true)

        let files = try TemporaryAWSFiles(credentials: "", config: "")
        let tokenFile = try files.write("Basic c2VjcmV0\n", to: "token")
        #expect(try await ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile], transport: transport).credentials().accessKeyID == "ASIAFAKECREDENTIALS")

        await #expect { try await ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Basic wrong"], transport: transport).credentials() }
            throws: { "\($0)".contains("HTTP 403") && !"\($0)".contains("wrong") }
        // Plain http elsewhere than this machine or the ECS/EKS link-local endpoints is refused before any request.
        await #expect { try await ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://10.0.0.8/creds"], transport: transport).credentials() }
            throws: { "\($0)".contains("must be https or a local address") }
        await #expect(throws: CredentialProviderError.self) { try await ContainerCredentialProvider(environment: [:], transport: transport).credentials() }
    }

    @Test func instanceMetadataV2AndWhenItIsAbsentOrOff() async throws {
        let fake = try await FakeServer(script: "imds_fake.py", arguments: Self.keys + ["--role", "opsdaily-instance"])
        defer { fake.process.terminate() }
        let credentials = try await InstanceMetadataCredentialProvider(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": fake.baseURL], transport: transport).credentials()
        #expect(credentials.accessKeyID == "ASIAFAKECREDENTIALS" && credentials.source == "imds")
        let log = try await requests(fake, "/_imds/")
        #expect(log.map { "\($0["method"] ?? "") \($0["path"] ?? "")" } == [
            "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/", "GET /latest/meta-data/iam/security-credentials/opsdaily-instance",
        ])
        #expect(log.dropFirst().allSatisfy { $0["token_presented"] as? Bool == true }, "IMDSv2: every read carries the session token")

        await #expect(throws: CredentialProviderError.self, "off") {
            try await InstanceMetadataCredentialProvider(environment: ["AWS_EC2_METADATA_DISABLED": "true", "AWS_EC2_METADATA_SERVICE_ENDPOINT": fake.baseURL], transport: transport).credentials()
        }
        let closed = try FreePort.find()
        await #expect(throws: CredentialProviderError.self, "not on an instance") {
            try await InstanceMetadataCredentialProvider(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:\(closed)"], transport: transport).credentials()
        }
        try await fake.control("/_imds/faults", json: #"{"status": 500, "count": 1, "path_prefix": "/latest/meta-data/iam"}"#)
        await #expect { try await InstanceMetadataCredentialProvider(environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": fake.baseURL], transport: transport).credentials() }
            throws: { "\($0)".contains("HTTP 500") }
    }

    /// Credentials kept until five minutes before they expire: three calls, one fetch; short-lived ones are fetched each time.
    @Test func temporaryCredentialsAreKeptUntilFiveMinutesBeforeTheyExpire() async throws {
        let fake = try await FakeServer(script: "imds_fake.py", arguments: Self.keys + ["--expires-in", "3600"])
        defer { fake.process.terminate() }
        let environment = ["AWS_EC2_METADATA_SERVICE_ENDPOINT": fake.baseURL]
        let kept = RefreshingCredentialProvider(InstanceMetadataCredentialProvider(environment: environment, transport: transport))
        for _ in 0..<3 { _ = try await kept.credentials() }
        #expect(try await requests(fake, "/_imds/").count == 3, "one token and two reads, once")

        try await fake.control("/_imds/reset", json: "{}")
        try await fake.control("/_imds/rotate", json: #"{"expires_in": 120}"#)
        let shortLived = RefreshingCredentialProvider(InstanceMetadataCredentialProvider(environment: environment, transport: transport))
        async let first = shortLived.credentials()
        async let second = shortLived.credentials()
        _ = try await (first, second)
        _ = try await shortLived.credentials()
        #expect(try await requests(fake, "/_imds/").count == 6, "two minutes is inside the margin: fetched again, concurrent callers shared a fetch")
    }

    @Test func ssoTokenFromTheCacheForRoleCredentials() async throws {
        let fake = try await FakeServer(script: "sso_portal_fake.py", arguments: Self.keys + [
            "--token", "CACHED-ACCESS-TOKEN", "--grant", "123456789012:OpsDailyReadOnly",
        ])
        defer { fake.process.terminate() }
        let files = try TemporaryAWSFiles(credentials: "", config: """
            [profile sso]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = OpsDailyReadOnly
            [profile sso-other-role]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Admin
            [profile legacy]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = ap-northeast-2
            sso_account_id = 123456789012
            sso_role_name = OpsDailyReadOnly
            [sso-session corp]
            sso_region = ap-northeast-2
            sso_start_url = https://corp.awsapps.com/start
            """)
        let cache = { (key: String, expires: String) in
            try files.write(#"{"accessToken": "CACHED-ACCESS-TOKEN", "expiresAt": "\#(expires)", "region": "ap-northeast-2"}"#, to: ".aws/sso/cache/\(SHA1.hex(key)).json")
        }
        try cache("corp", "2099-01-01T00:00:00Z")
        try cache("https://corp.awsapps.com/start", "2099-01-01T00:00:00Z")
        let environment = files.environment.merging(["AWS_ENDPOINT_URL_SSO": fake.baseURL]) { $1 }
        let resolver = try ProfileCredentialResolver(environment: environment, region: nil, transport: transport)
        let credentials = try await resolver.provider(for: "sso").credentials()
        #expect(credentials.accessKeyID == "ASIAFAKECREDENTIALS" && credentials.source == "sso" && credentials.expiration != nil)
        #expect(try await resolver.provider(for: "legacy").credentials().accessKeyID == "ASIAFAKECREDENTIALS")
        await #expect { try await resolver.provider(for: "sso-other-role").credentials() } throws: { "\($0)".contains("ForbiddenException") }

        try cache("corp", "2020-01-01T00:00:00Z")
        await #expect { try await resolver.provider(for: "sso").credentials() } throws: { error in
            "\(error)" == "profile \"sso\": the cached SSO token expired at 2020-01-01T00:00:00Z; run `aws sso login --profile sso`"
        }
        try cache("corp", "2099-01-01T00:00:00Z")
        try await fake.control("/_sso/tokens", json: #"{"token": "CACHED-ACCESS-TOKEN", "expires_in": 0}"#)
        await #expect { try await resolver.provider(for: "sso").credentials() } throws: { "\($0)".contains("the portal refused the cached SSO token; run `aws sso login --profile sso`") }
        try FileManager.default.removeItem(atPath: files.folder.appendingPathComponent(".aws/sso/cache/\(SHA1.hex("corp")).json").path)
        await #expect { try await resolver.provider(for: "sso").credentials() } throws: { "\($0)".contains("no cached SSO token") && !"\($0)".contains("CACHED-ACCESS-TOKEN") }
    }
}
