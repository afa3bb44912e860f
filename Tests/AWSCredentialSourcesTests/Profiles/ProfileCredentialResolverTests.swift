import AWSCore
@testable import AWSCredentialSources
import AsyncHTTPClientSupport
import Foundation
import HTTPCore
import Testing
import TestSupport

/// Profiles as operators write them, resolved against moto with signature checking on.
@Suite(.serialized) struct ProfileCredentialResolverTests {
    /// One pool for the whole run, never shut down: a test that ends early must not leave one to deinit unshut.
    static let sharedTransport = AsyncHTTPClientTransport()
    var transport: AsyncHTTPClientTransport { Self.sharedTransport }

    func resolver(_ files: TemporaryAWSFiles, extra: [String: String] = [:], mfa: any MFACodeSource = ScriptedMFA(code: "123456")) throws -> ProfileCredentialResolver {
        try ProfileCredentialResolver(
            environment: files.environment.merging(extra) { $1 }, region: "ap-northeast-2", transport: transport, mfa: mfa)
    }

    /// A role assumed from a role assumed from static keys: the chain the 2023 team used for its five accounts.
    @Test func chainedRolesAssumeEachOtherFromStaticKeys() async throws {
        let world = try await CredentialWorld.start()
        defer { Task { await world.stop()} }
        let files = try TemporaryAWSFiles(credentials: "[base]\n" + world.staticProfile, config: """
            [profile first]
            role_arn = \(world.roleARNs[0])
            source_profile = base
            role_session_name = opsdaily-test
            external_id = ext-1
            duration_seconds = 3600
            [profile second]
            role_arn = \(world.roleARNs[1])
            source_profile = first
            """)
        let first = try resolver(files, extra: world.environment).provider(for: "first")
        let firstIdentity = try await world.identity(first)
        #expect(firstIdentity.Arn == "arn:aws:sts::123456789012:assumed-role/opsdaily-a/opsdaily-test")
        let credentials = try await first.credentials()
        #expect(credentials.source == "assume-role via source_profile base")
        #expect(credentials.expiration != nil && credentials.sessionToken != nil)
        #expect(try await world.identity(try resolver(files, extra: world.environment).provider(for: "second")).Arn.contains("assumed-role/opsdaily-b/"))
    }

    @Test func mfaSerialAsksForTheCodeWhenTheRoleIsAssumed() async throws {
        let world = try await CredentialWorld.start(roles: ["opsdaily-mfa"])
        defer { Task { await world.stop()} }
        let files = try TemporaryAWSFiles(credentials: "[base]\n" + world.staticProfile, config: """
            [profile admin]
            role_arn = \(world.roleARNs[0])
            source_profile = base
            mfa_serial = arn:aws:iam::123456789012:mfa/ops
            """)
        let mfa = ScriptedMFA(code: "654321")
        let provider = try resolver(files, extra: world.environment, mfa: mfa).provider(for: "admin")
        #expect(try await world.identity(provider).Arn.contains("assumed-role/opsdaily-mfa/"))
        _ = try await provider.credentials()
        #expect(mfa.questions == ["admin arn:aws:iam::123456789012:mfa/ops"], "asked once: the credentials are kept until they expire")
    }

    @Test func credentialSourceEnvironmentAssumesTheRoleWithTheEnvironmentsKeys() async throws {
        let world = try await CredentialWorld.start(roles: ["opsdaily-env"])
        defer { Task { await world.stop()} }
        let files = try TemporaryAWSFiles(credentials: "", config: "[profile ci]\nrole_arn = \(world.roleARNs[0])\ncredential_source = Environment\n")
        let environment = world.environment.merging(["AWS_ACCESS_KEY_ID": world.moto.accessKeyID, "AWS_SECRET_ACCESS_KEY": world.moto.secretAccessKey]) { $1 }
        let provider = try resolver(files, extra: environment).provider(for: "ci")
        #expect(try await world.identity(provider).Arn.contains("assumed-role/opsdaily-env/"))
        #expect(try await provider.credentials().source == "assume-role via credential_source Environment")
    }

    @Test func loopsAndContradictionsAreFoundBeforeAnyCall() throws {
        let files = try TemporaryAWSFiles(credentials: "[static]\naws_access_key_id = AKIDONE\naws_secret_access_key = SECRETVALUE\n", config: """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = c
            [profile c]
            role_arn = arn:aws:iam::123456789012:role/c
            source_profile = a
            [profile both]
            role_arn = arn:aws:iam::123456789012:role/x
            source_profile = static
            credential_source = Environment
            [profile neither]
            role_arn = arn:aws:iam::123456789012:role/x
            [profile unknown-source]
            role_arn = arn:aws:iam::123456789012:role/x
            credential_source = Laptop
            [profile long]
            role_arn = arn:aws:iam::123456789012:role/x
            source_profile = static
            duration_seconds = 99999
            [profile half]
            aws_access_key_id = AKIDHALF
            [profile empty]
            region = eu-west-1
            [profile sso-partial]
            sso_session = corp
            """)
        let resolver = try resolver(files)
        #expect(throws: CredentialSourceError.roleChainLoop(profiles: ["a", "b", "c", "a"])) { try resolver.provider(for: "a") }
        for (profile, fragment) in [
            ("both", "cannot both be set"), ("neither", "needs source_profile"), ("unknown-source", "credential_source must be"),
            ("empty", "no credentials"), ("sso-partial", "has no [sso-session corp] section"),
        ] {
            #expect { try resolver.provider(for: profile) } throws: { "\($0)".contains(fragment) && !"\($0)".contains("SECRETVALUE") }
        }
        #expect { try resolver.provider(for: "long") } throws: { "\($0)" == "profile \"long\": duration_seconds must be a whole number from 900 to 43200" }
        #expect { try resolver.provider(for: "half") } throws: { "\($0)".contains("aws_secret_access_key") }
        #expect { try resolver.provider(for: "absent") } throws: { error in
            guard case .profileNotFound("absent", let paths)? = error as? CredentialSourceError else { return false }
            return paths == [files.environment["AWS_SHARED_CREDENTIALS_FILE"]!, files.environment["AWS_CONFIG_FILE"]!]
        }
    }

    /// A profile that names its own static keys as its source is allowed (the SDKs allow it), not a loop.
    @Test func aProfileMaySourceItsOwnStaticKeys() async throws {
        let world = try await CredentialWorld.start(roles: ["opsdaily-self"])
        defer { Task { await world.stop()} }
        let files = try TemporaryAWSFiles(credentials: "[self]\n" + world.staticProfile, config: "[profile self]\nrole_arn = \(world.roleARNs[0])\nsource_profile = self\n")
        #expect(try await world.identity(try resolver(files, extra: world.environment).provider(for: "self")).Arn.contains("assumed-role/opsdaily-self/"))
    }
}
