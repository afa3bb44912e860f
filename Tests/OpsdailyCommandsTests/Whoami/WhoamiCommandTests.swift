import Foundation
import Testing
import TestSupport

/// `opsdaily whoami` as an operator runs it: the real binary, profiles in shared files, moto with signature checking on.
@Suite(.serialized) struct WhoamiCommandTests {
    static let opsdaily = RepositoryPaths.product("opsdaily")

    struct World {
        let moto: MotoServer
        let files: TemporaryAWSFiles
        var environment: [String: String] { files.environment.merging(["AWS_ENDPOINT_URL": moto.endpoint, "PATH": "/usr/bin:/bin"]) { $1 } }
    }

    /// A moto with a role, and profiles: `good` (the IAM user's keys), `role` (assumes the role from `good`),
    /// `broken` (a key moto does not know), `loop` (a source_profile loop).
    static func world() async throws -> World {
        let moto = try await MotoServer.start(authentication: true)
        let role = try PythonScript.run(
            "Tests/OpsdailyCommandsTests/Fixtures/make_role.py", arguments: [moto.endpoint, "opsdaily-readonly"],
            environment: ["AWS_ACCESS_KEY_ID": moto.accessKeyID, "AWS_SECRET_ACCESS_KEY": moto.secretAccessKey])
        let arn = String(decoding: role, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let files = try TemporaryAWSFiles(
            credentials: """
                [good]
                aws_access_key_id = \(moto.accessKeyID)
                aws_secret_access_key = \(moto.secretAccessKey)
                [broken]
                aws_access_key_id = AKIAUNKNOWNKEY000000
                aws_secret_access_key = BROKEN-SECRET-VALUE
                """,
            config: """
                [profile good]
                region = ap-northeast-2
                [profile role]
                role_arn = \(arn)
                source_profile = good
                role_session_name = whoami-test
                region = eu-west-1
                [profile broken]
                region = ap-northeast-2
                [profile loop]
                role_arn = \(arn)
                source_profile = loop-b
                [profile loop-b]
                role_arn = \(arn)
                source_profile = loop
                """)
        return World(moto: moto, files: files)
    }

    @Test func aRoleProfilePrintsTheAssumedRoleAndItsSource() async throws {
        let world = try await Self.world()
        defer { world.moto.stop() }
        let run = try await ProgramRun.run(Self.opsdaily, ["whoami", "--profile", "role"], environment: world.environment)
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("PROFILE  ACCOUNT") == true)
        #expect(lines.count == 2 && lines[1].contains("arn:aws:sts::123456789012:assumed-role/opsdaily-readonly/whoami-test"))
        #expect(lines[1].contains("assume-role via source_profile good") && lines[1].hasSuffix("eu-west-1"))

        let json = try await ProgramRun.run(Self.opsdaily, ["whoami", "--profile", "role", "--output", "json"], environment: world.environment)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["account"] as? String == "123456789012" && rows[0]["source"] as? String == "assume-role via source_profile good")
    }

    /// One failing profile is reported and the others still run; the exit code says something failed.
    @Test func aBrokenProfileFailsAloneAndTheRunExitsOne() async throws {
        let world = try await Self.world()
        defer { world.moto.stop() }
        let run = try await ProgramRun.run(
            Self.opsdaily, ["whoami", "--profile", "good", "--profile", "broken", "--profile", "loop", "--profile", "absent"], environment: world.environment)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("arn:aws:iam::123456789012:user/opsdaily-test") && run.standardOutput.contains("profile good"))
        #expect(run.standardError.contains("broken: STS.GetCallerIdentity failed: InvalidClientTokenId"))
        #expect(run.standardError.contains("loop: source_profile loop: loop → loop-b → loop"))
        #expect(run.standardError.contains("absent: profile \"absent\" not found"))
        #expect(!(run.standardOutput + run.standardError).contains("BROKEN-SECRET-VALUE"))
        #expect(!(run.standardOutput + run.standardError).contains(world.moto.secretAccessKey))
    }

    @Test(arguments: [
        ["whoami", "--region", "Seoul"], ["whoami", "--output", "xml"], ["whoami", "--profile", ""], ["whoami", "--profile", "a", "--profile", "a"],
        ["whoami", "--bogus"], ["nonsense"], ["webhook", "test"], ["webhook", "test", "--url", "http://hooks.example.com/x", "--table", "t"],
    ])
    func usageErrorsExitTwo(arguments: [String]) async throws {
        let run = try await ProgramRun.run(Self.opsdaily, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"])
        #expect(run.status == 2, "\(arguments): \(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func helpAndVersionExitZero() async throws {
        for arguments in [["--help"], ["--version"], ["whoami", "--help"], ["webhook", "test", "--help"]] {
            let run = try await ProgramRun.run(Self.opsdaily, arguments, environment: ["PATH": "/usr/bin:/bin"])
            #expect(run.status == 0 && !run.standardOutput.isEmpty, "\(arguments)")
        }
    }
}
