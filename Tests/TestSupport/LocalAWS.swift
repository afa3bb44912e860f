import Foundation

/// Tables, bucket and secrets in a local AWS, made by `scripts/lib/provision_local.py` exactly as the
/// emulation makes them (and as Terraform's module does, which a Terraform test checks).
public enum LocalAWS {
    /// Returns the provisioner's JSON: `alerts_table`, `checks_table`, `report_bucket`, `secrets`.
    public static func provision(endpoint: String, prefix: String, webhookToken: String = "local-webhook-token") throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Executables.path(of: "python3"))
        process.arguments = [
            RepositoryPaths.root.appendingPathComponent("scripts/lib/provision_local.py").path,
            "--endpoint", endpoint, "--prefix", prefix, "--webhook-token", webhookToken,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ProvisioningFailed(output: String(decoding: data, as: UTF8.self))
        }
        return object
    }

    public struct ProvisioningFailed: Error { public var output: String }
}
