import AWSCore
import OpsCore
import Testing
import TestSupport

/// The dedicated report signer (SPEC §10): read from its secret, refused unless it is a long-lived key.
@Suite struct ReportSigningKeyTests {
    let key = ReportSigningKey(secretID: "opsdaily/report-signing")

    @Test func aLongLivedKeyBecomesCredentialsWithoutTokenOrExpiry() async throws {
        let secrets = StaticSecrets(values: [key.secretID: #"{"access_key_id": "AKIAREPORTS", "secret_access_key": "s3cr3t"}"#])
        let credentials = try await key.credentials(with: secrets)
        #expect(credentials == AWSCredentials(accessKeyID: "AKIAREPORTS", secretAccessKey: "s3cr3t"))
    }

    @Test(arguments: [
        (#"{"access_key_id": "ASIATEMPORARY", "secret_access_key": "s"}"#, "not a long-lived access key"),
        (#"{"access_key_id": "AKIAREPORTS"}"#, "\"secret_access_key\""),
        (#"{"access_key_id": "", "secret_access_key": "s"}"#, "\"access_key_id\""),
        (#"{"access_key_id": 42, "secret_access_key": "s"}"#, "access_key_id"),
        ("not json", "\"access_key_id\""),
        (#"{"access_key_id": "<!channel>", "secret_access_key": "s"}"#, "not a long-lived access key"),
    ])
    func aSecretWithoutALongLivedKeyIsAnErrorNamingTheSecret(value: String, reason: String) async {
        do {
            _ = try await key.credentials(with: StaticSecrets(values: [key.secretID: value]))
            Issue.record("accepted \(value)")
        } catch {
            let text = String(describing: error)
            #expect(text.contains(key.secretID) && text.contains(reason), "\(text)")
            #expect(!text.contains("\"s\"") && !text.contains("s3cr3t"), "the secret part is never shown")
        }
    }

    @Test func theSettingIsOptionalAndReadFromItsVariable() throws {
        let base = ["OPS_REPORT_BUCKET": "reports"]
        #expect(try EnvironmentReader(base).reportSettings().signingKey == nil)
        #expect(try EnvironmentReader(base.merging(["OPS_REPORT_SIGNING_SECRET_ID": ""]) { $1 }).reportSettings().signingKey == nil)
        let set = try EnvironmentReader(base.merging(["OPS_REPORT_SIGNING_SECRET_ID": "arn:aws:secretsmanager:x"]) { $1 }).reportSettings()
        #expect(set.signingKey == ReportSigningKey(secretID: "arn:aws:secretsmanager:x"))
    }
}
