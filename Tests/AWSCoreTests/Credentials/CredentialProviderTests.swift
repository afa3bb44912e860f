import AWSCore
import Foundation
import Testing
import TestSupport

@Suite struct CredentialProviderTests {
    @Test func environmentIncludesTheSessionToken() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
        ])
        #expect(try await provider.credentials() == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token", source: "env"))
    }

    @Test func environmentWithoutKeysOrWithHalfAPair() async throws {
        await #expect(throws: CredentialProviderError.notFound(source: "the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")) {
            try await EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": ""]).credentials()
        }
        await #expect {
            try await EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "AKID"]).credentials()
        } throws: { error in
            if case .incomplete(_, "AWS_SECRET_ACCESS_KEY") = error as? CredentialProviderError { return true }
            return false
        }
    }

    @Test func profileFromCredentialsFileThenConfigFile() async throws {
        let files = try TemporaryAWSFiles(
            credentials: """
                [default]
                aws_access_key_id = AKIDDEFAULT
                aws_secret_access_key = default-secret

                # a comment
                [ops]
                aws_access_key_id=AKIDOPS
                aws_secret_access_key = ops/secret+with=chars
                aws_session_token = ops-token
                """,
            config: """
                [default]
                region = ap-northeast-2
                [profile config-only]
                aws_access_key_id = AKIDCONFIG
                aws_secret_access_key = config-secret
                region = us-west-2
                s3 =
                  addressing_style = path
                """)
        let defaultProfile = ProfileCredentialProvider(environment: files.environment)
        #expect(try await defaultProfile.credentials().accessKeyID == "AKIDDEFAULT")

        let ops = ProfileCredentialProvider(environment: files.environment.merging(["AWS_PROFILE": "ops"]) { $1 })
        #expect(try await ops.credentials() == AWSCredentials(accessKeyID: "AKIDOPS", secretAccessKey: "ops/secret+with=chars", sessionToken: "ops-token", source: "profile ops"))

        let configOnly = ProfileCredentialProvider(profile: "config-only", environment: files.environment)
        #expect(try await configOnly.credentials().secretAccessKey == "config-secret")

        await #expect(throws: CredentialProviderError.self) {
            try await ProfileCredentialProvider(profile: "absent", environment: files.environment).credentials()
        }
    }

    @Test func chainTakesTheFirstProviderThatHasCredentials() async throws {
        let files = try TemporaryAWSFiles(credentials: "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n", config: "")
        let fromFiles = CredentialProviderChain.default(environment: files.environment)
        #expect(try await fromFiles.credentials().accessKeyID == "AKIDFILE")

        var environment = files.environment
        environment["AWS_ACCESS_KEY_ID"] = "AKIDENV"
        environment["AWS_SECRET_ACCESS_KEY"] = "e"
        #expect(try await CredentialProviderChain.default(environment: environment).credentials().accessKeyID == "AKIDENV")

        let nothing = try TemporaryAWSFiles(credentials: "", config: "")
        await #expect(throws: CredentialProviderError.self) {
            try await CredentialProviderChain.default(environment: nothing.environment).credentials()
        }
    }

    @Test func secretsNeverPrint() {
        let credentials = AWSCredentials(accessKeyID: "AKIDVISIBLE", secretAccessKey: "SECRET-KEY-VALUE", sessionToken: "SESSION-TOKEN-VALUE")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(text.contains("AKIDVISIBLE"))
            #expect(!text.contains("SECRET-KEY-VALUE"))
            #expect(!text.contains("SESSION-TOKEN-VALUE"))
        }
    }
}

/// A credentials file and a config file in a fresh temporary folder, and the environment pointing at them.

/// The shared files are read strictly: a line that is not a setting names its file and line, never its text.
@Suite struct SharedConfigFileTests {
    @Test(arguments: [
        ("[default]\naws_access_key_id AKIDSECRETLOOKING\n", 2, SharedConfigFileError.Problem.notASetting),
        ("aws_access_key_id = AKIDSECRETLOOKING\n", 1, .settingOutsideSection),
        ("[default\nregion = x\n", 1, .badSectionHeader),
        ("[]\n", 1, .badSectionHeader),
        ("[default]\n  indented = AKIDSECRETLOOKING\n", 2, .strayIndentedLine),
        ("[default]\nregion = x\n\n\n= nothing\n", 5, .notASetting),
    ])
    func malformedLinesAreErrorsWithTheirLine(text: String, line: Int, problem: SharedConfigFileError.Problem) {
        #expect {
            try SharedConfigFile(text: text, path: "/home/ops/.aws/config")
        } throws: { error in
            guard let error = error as? SharedConfigFileError else { return false }
            return error.line == line && error.problem == problem && error.description.hasPrefix("/home/ops/.aws/config, line \(line): ")
                && !error.description.contains("AKIDSECRETLOOKING")
        }
    }

    @Test func nestedSettingsCommentsAndBlankLinesAreFine() throws {
        let file = try SharedConfigFile(text: """
            # comment
            ; another
            [profile a]
            region = eu-west-1
            s3 =
              addressing_style = path
            [sso-session corp]
            sso_region = ap-northeast-2
            """, path: "config")
        #expect(file.configProfile("a")?["region"] == "eu-west-1")
        #expect(file.ssoSession("corp")?["sso_region"] == "ap-northeast-2")
    }
}
