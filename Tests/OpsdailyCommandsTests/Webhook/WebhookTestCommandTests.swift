import Foundation
import FunctionTestSupport
import Testing
import TestSupport

/// `opsdaily webhook test` against the real `collection` under the emulator, reached through the emulator's
/// Function URL: stored and read back, or the refusal shown with what to do about it.
@Suite(.serialized) struct WebhookTestCommandTests {
    static let opsdaily = RepositoryPaths.product("opsdaily")

    func environment(_ stack: CollectionStack, extra: [String: String] = [:]) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "AWS_ENDPOINT_URL": stack.moto.endpoint, "AWS_REGION": LocalStack.region,
            "AWS_ACCESS_KEY_ID": stack.moto.accessKeyID, "AWS_SECRET_ACCESS_KEY": stack.moto.secretAccessKey, "AWS_EC2_METADATA_DISABLED": "true",
        ].merging(extra) { $1 }
    }

    func url(_ stack: CollectionStack) -> String { "http://127.0.0.1:\(stack.emulator.port)/_function_url/" }

    @Test func aTestNotificationIsStoredAndReadBack() async throws {
        let stack = try await CollectionStack.start()
        defer { Task { try await stack.shutdown() } }
        let secret = try require(stack.local.secrets["webhook"])
        let run = try await ProgramRun.run(Self.opsdaily, [
            "webhook", "test", "--url", url(stack), "--table", stack.table, "--token-secret", secret,
        ], environment: environment(stack))
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.contains("answer  HTTP 200 {") && run.standardOutput.contains(#""status":"stored""#))
        let id = try #require(run.standardOutput.split(separator: " ").first { $0.hasPrefix("opsdaily-test-") }.map(String.init))
        let alert = try #require(try await stack.alert(eventID: id))
        #expect(alert.isTest && alert.title?.hasPrefix("[TEST] opsdaily webhook test by ") == true)
        #expect(!run.standardOutput.contains(CollectionStack.token) && !run.standardError.contains(CollectionStack.token))
    }

    /// The outputs of `terraform output -json` give the URL, header, table and secret; JSON output for CI.
    @Test func theTerraformOutputsFileIsEnough() async throws {
        let stack = try await CollectionStack.start()
        defer { Task { try await stack.shutdown() } }
        let outputs = try TemporaryAWSFiles(credentials: "", config: "").write("""
            {"webhook_url": {"sensitive": false, "type": "string", "value": "\(url(stack))"},
             "webhook_token_header": {"value": "X-Ops-Webhook-Token"}, "alerts_table": {"value": "\(stack.table)"},
             "secret_arns": {"value": {"webhook": "\(try require(stack.local.secrets["webhook"]))", "slack": "x"}}}
            """, to: "outputs.json")
        let run = try await ProgramRun.run(Self.opsdaily, ["webhook", "test", "--outputs", outputs, "--output", "json"], environment: environment(stack))
        #expect(run.status == 0, "\(run.standardError)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(result["stored"] as? Bool == true && result["status"] as? Int == 200)
    }

    @Test func aWrongTokenShowsThe401AndExitsOne() async throws {
        let stack = try await CollectionStack.start()
        defer { Task { try await stack.shutdown() } }
        let run = try await ProgramRun.run(Self.opsdaily, [
            "webhook", "test", "--url", url(stack), "--table", stack.table,
        ], environment: environment(stack, extra: ["OPS_WEBHOOK_TOKEN": "not-the-token"]))
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("answer  HTTP 401"))
        #expect(run.standardOutput.contains("NOT stored") && run.standardOutput.contains("The token is wrong"))
        #expect(!run.standardOutput.contains("not-the-token"))
    }

    @Test func brokenOutputsFilesAndMissingTokensAreUsageErrors() async throws {
        let files = try TemporaryAWSFiles(credentials: "", config: "")
        let garbage = try files.write("{\"webhook_url\": 7", to: "garbage.json")
        for (arguments, message) in [
            (["webhook", "test", "--outputs", garbage], "is not the JSON of `terraform output -json`"),
            (["webhook", "test", "--outputs", files.folder.appendingPathComponent("missing.json").path], "cannot read"),
            (["webhook", "test", "--url", "http://127.0.0.1:9/_function_url/", "--table", "t", "--region", "eu-west-1"], "no token"),
        ] {
            let run = try await ProgramRun.run(Self.opsdaily, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": files.folder.path, "AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": "AKIDX", "AWS_SECRET_ACCESS_KEY": "x"])
            #expect(run.status == 2, "\(arguments): \(run.standardError)")
            #expect(run.standardError.contains(message), "\(run.standardError)")
        }
    }
}
