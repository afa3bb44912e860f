import AWSCore
@testable import AWSCredentialSources
import CivilTime
import Foundation
import Testing
import TestSupport

/// `credential_process`: the output contract, failures that never show what was printed, the command's words.
@Suite struct ProcessCredentialProviderTests {
    /// A script printing `output` and exiting with `status`, run through `/bin/sh`: executing a file just written
    /// can fail with ETXTBSY while a process another test spawns still holds it open.
    func script(_ output: String, status: Int = 0) throws -> String {
        let files = try TemporaryAWSFiles(credentials: "", config: "")
        let path = try files.write("#!/bin/sh\ncat <<'JSON'\n\(output)\nJSON\nexit \(status)\n", to: "bin/credentials with space.sh")
        _ = chmod(path, 0o755)
        return path
    }

    func provider(_ command: String) -> ProcessCredentialProvider {
        ProcessCredentialProvider(profile: "proc", command: command, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func versionOneCredentialsWithAndWithoutExpiry() async throws {
        let temporary = try script(#"{"Version": 1, "AccessKeyId": "ASIAPROCESS", "SecretAccessKey": "PROCESS-SECRET", "SessionToken": "PROCESS-TOKEN", "Expiration": "2026-12-05T10:00:00Z"}"#)
        let credentials = try await provider("/bin/sh '\(temporary)' --account dev").credentials()
        #expect(credentials == AWSCredentials(
            accessKeyID: "ASIAPROCESS", secretAccessKey: "PROCESS-SECRET", sessionToken: "PROCESS-TOKEN",
            expiration: Instant(epochSeconds: 1_796_464_800), source: "credential_process"))
        let longLived = try script(#"{"Version": 1, "AccessKeyId": "AKIAPROCESS", "SecretAccessKey": "S"}"#)
        #expect(try await provider("/bin/sh \"\(longLived)\"").credentials().expiration == nil)
    }

    @Test(arguments: [
        (#"{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "LEAKED-SECRET"}"#, 0, "printed Version 2, not 1"),
        (#"{"Version": 1, "AccessKeyId": "A"}"#, 0, "printed no AccessKeyId or SecretAccessKey"),
        ("LEAKED-SECRET is not json", 0, "printed something that is not a JSON object"),
        (#"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "LEAKED-SECRET", "Expiration": "tomorrow"}"#, 0, "not an ISO 8601 time"),
        (#"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "LEAKED-SECRET"}"#, 3, "exited with status 3"),
    ])
    func badOutputIsAnErrorThatShowsNoneOfIt(output: String, status: Int, reason: String) async throws {
        let path = try script(output, status: status)
        await #expect {
            try await provider("/bin/sh '\(path)'").credentials()
        } throws: { error in
            "\(error)".contains(reason) && !"\(error)".contains("LEAKED-SECRET") && "\(error)".hasPrefix("profile \"proc\": credential_process")
        }
    }

    @Test func aCommandThatCannotStartOrPrintsTooMuch() async throws {
        await #expect { try await provider("/nonexistent/helper").credentials() } throws: { "\($0)".contains("could not start") }
        await #expect { try await provider("/usr/bin/yes").credentials() } throws: { "\($0)".contains("printed more than 1 MiB") }
    }

    @Test func commandsSplitLikeTheSDKs() throws {
        #expect(try ProcessCredentialProvider.split(#"/usr/bin/helper --profile "my dev" 'a b' c\ d"#, profile: "p")
            == ["/usr/bin/helper", "--profile", "my dev", "a b", "c d"])
        #expect(try ProcessCredentialProvider.split("  spaced   out  ", profile: "p") == ["spaced", "out"])
        #expect(throws: CredentialSourceError.self) { try ProcessCredentialProvider.split(#"helper "unclosed"#, profile: "p") }
        #expect(throws: CredentialSourceError.self) { try ProcessCredentialProvider.split("   ", profile: "p") }
    }
}
