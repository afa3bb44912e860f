import Foundation
import TestSupport
import Testing

/// `opsdaily inventory`'s options, through the real binary: every malformed or hostile value is a usage error
/// (exit 2) naming the option, before any call or file is made.
@Suite struct InventoryCommandTests {
    static let opsdaily = RepositoryPaths.product("opsdaily")

    @Test(arguments: [
        (["--month", "2026-13"], "--month"), (["--month", "26-08"], "--month"), (["--month", "2026-08; rm -rf /"], "--month"),
        (["--format", "xlsx,pdf"], "--format"), (["--format", ","], "--format"),
        (["--exchange-rate", "KRW=abc"], "--exchange-rate"), (["--exchange-rate", "KRW=-1"], "--exchange-rate"),
        (["--exchange-rate", "=HYPERLINK(\"x\")"], "--exchange-rate"), (["--exchange-rate", "KRW=0"], "--exchange-rate"),
        (["--label", "../../etc/passwd"], "--label"), (["--label", "a/b"], "--label"), (["--label", String(repeating: "x", count: 65)], "--label"),
        (["--label", "<script>"], "--label"), (["--only", "ec2-instances,nonsense"], "--only"), (["--only", ","], "--only"),
        (["--page-size", "0"], "--page-size"), (["--page-size", "100000"], "--page-size"), (["--calls-per-service", "0"], "--calls-per-service"),
        (["--region", "ap-northeast-2\nX"], "--region"), (["--profile", "dev", "--profile", "dev"], "--profile"),
    ])
    func malformedOptionsAreUsageErrors(arguments: [String], option: String) async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("inventory-usage-\(UUID().uuidString)")
        let run = try await ProgramRun.run(
            Self.opsdaily, ["inventory", "--out", out.path] + arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"])
        #expect(run.status == 2, "\(arguments): \(run.standardError)")
        #expect(run.standardError.contains(option), "\(arguments): \(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written on a usage error")
    }

    /// No credentials anywhere: the account is a coverage entry, the outputs are still written, exit 1.
    @Test func withoutCredentialsTheRunSaysSoAndStillWrites() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("inventory-nocreds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try await ProgramRun.run(
            Self.opsdaily, ["inventory", "--out", out.path, "--region", "ap-northeast-2", "--format", "json", "--month", "2026-08", "--quiet"],
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": out.path, "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
                "AWS_EC2_METADATA_DISABLED": "true",
            ])
        #expect(run.status == 1, "\(run.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("inventory-default-2026-08.json")))
        let coverage = try #require((document as? [String: Any])?["coverage"] as? [[String: Any]])
        #expect(coverage.count == 1 && coverage.first?["kind"] as? String == "account" && coverage.first?["state"] as? String == "error")
    }
}
