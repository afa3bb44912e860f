import AWSCore
@testable import AWSCredentialSources
import AsyncHTTPClientSupport
import Foundation
import HTTPCore
import Testing
import TestSupport

/// The SDKs' order: environment, web identity, the profile, the container endpoint, instance metadata.
@Suite(.serialized) struct DefaultCredentialChainTests {
    /// One pool for the whole run, never shut down: a test that ends early must not leave one to deinit unshut.
    static let sharedTransport = AsyncHTTPClientTransport()
    var transport: AsyncHTTPClientTransport { Self.sharedTransport }

    /// With signature checking on, moto fails an unsigned request with a 500 (it looks for an Authorization
    /// header, boto3's call fails the same way): AssumeRoleWithWebIdentity, unsigned by design, runs unchecked.
    @Test func webIdentityAssumesItsRoleWithTheTokenFile() async throws {
        let world = try await CredentialWorld.start(roles: ["opsdaily-ci"], authentication: false)
        defer { Task { await world.stop()} }
        let files = try TemporaryAWSFiles(credentials: "", config: "")
        let token = try files.write("eyJhbGciOiJSUzI1NiJ9.OIDC-TOKEN.signature\n", to: "token")
        var environment = world.environment.merging(files.environment) { $1 }
        environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = token
        environment["AWS_ROLE_ARN"] = world.roleARNs[0]
        environment["AWS_ROLE_SESSION_NAME"] = "github-actions"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        let chain = try DefaultCredentialChain.provider(profile: nil, environment: environment, region: "ap-northeast-2", transport: transport)
        #expect(try await world.identity(chain).Arn == "arn:aws:sts::123456789012:assumed-role/opsdaily-ci/github-actions")
        #expect(try await chain.credentials().source == "web identity")

        environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = files.folder.appendingPathComponent("missing").path
        let broken = try DefaultCredentialChain.provider(profile: nil, environment: environment, region: "ap-northeast-2", transport: transport)
        await #expect { try await broken.credentials() } throws: { "\($0)".contains("web identity token file") && "\($0)".contains("cannot be read") }
    }

    @Test func theOrderOfTheSources() async throws {
        let container = try await FakeServer(script: "container_credentials_fake.py", arguments: [
            "--access-key-id", "ASIACONTAINER", "--secret-access-key", "C", "--session-token", "T",
        ])
        defer { container.process.terminate() }
        let files = try TemporaryAWSFiles(credentials: "[default]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = P\n[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = O\n", config: "")
        let base = files.environment.merging([
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONTAINER_CREDENTIALS_FULL_URI": container.baseURL + "/v1/credentials",
        ]) { $1 }
        func source(_ environment: [String: String], profile: String? = nil) async throws -> String? {
            try await DefaultCredentialChain.provider(profile: profile, environment: environment, region: "eu-west-1", transport: transport).credentials().source
        }
        #expect(try await source(base.merging(["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "E"]) { $1 }) == "env")
        #expect(try await source(base) == "profile default")
        #expect(try await source(base.merging(["AWS_PROFILE": "other"]) { $1 }) == "profile other")
        #expect(try await source(base, profile: "other") == "profile other")
        let noProfiles = try TemporaryAWSFiles(credentials: "", config: "").environment.merging(base.filter { !$0.key.hasPrefix("AWS_SHARED") && !$0.key.hasPrefix("AWS_CONFIG") && $0.key != "HOME" }) { $1 }
        #expect(try await source(noProfiles) == "container")
        // A profile named by AWS_PROFILE must exist; the default one may be absent.
        #expect(throws: CredentialSourceError.self) { try DefaultCredentialChain.provider(profile: nil, environment: base.merging(["AWS_PROFILE": "absent"]) { $1 }, region: "eu-west-1", transport: transport) }
        let nothing = noProfiles.filter { !$0.key.hasPrefix("AWS_CONTAINER") }
        await #expect { try await source(nothing) } throws: { error in
            guard case .noProviderSucceeded(let reasons)? = error as? CredentialProviderError else { return false }
            return reasons.count == 3
        }
    }

    /// Whatever fails, no error and no description shows a secret key or a token.
    @Test func secretsNeverShowInErrorsOrDescriptions() async throws {
        let files = try TemporaryAWSFiles(credentials: "[half]\naws_secret_access_key = SECRET-IN-FILE\n", config: "[profile bad]\nregion = x\nnot a setting SECRET-IN-LINE\n")
        #expect { try ProfileCredentialResolver(environment: files.environment, region: nil, transport: transport) } throws: { error in
            "\(error)".contains("line 3") && !"\(error)".contains("SECRET-IN-LINE")
        }
        let credentials = AWSCredentials(accessKeyID: "AKIAVISIBLE", secretAccessKey: "SECRET-KEY", sessionToken: "SESSION-TOKEN", source: "sso")
        #expect(!"\(credentials)".contains("SECRET-KEY") && !"\(credentials)".contains("SESSION-TOKEN"))
    }
}
