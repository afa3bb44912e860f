import Foundation

/// One of the Python fakes in `scripts/fakes`, started on a free port for the length of a test.
public final class FakeServer: Sendable {
    public let process: ManagedProcess
    public let baseURL: String

    /// `script` is e.g. `fake_datadog.py`; the fake writes its port to a file once it listens.
    public init(script: String, arguments: [String]) async throws {
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("opsdaily-\(UUID().uuidString).port")
        let scriptPath = RepositoryPaths.root.appendingPathComponent("scripts/fakes/\(script)").path
        process = try ManagedProcess(
            name: script, executable: try Executables.path(of: "python3"),
            arguments: [scriptPath, "--port", "0", "--port-file", portFile.path] + arguments,
            workingDirectory: RepositoryPaths.root)
        _ = try await process.waitForOutput(containing: "listening on")
        let port = try String(contentsOf: portFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try? FileManager.default.removeItem(at: portFile)
        baseURL = "http://127.0.0.1:\(port)"
    }

    public static func datadog(scenario: String? = "scripts/fakes/datadog-scenario.json", extra: [String] = []) async throws -> FakeServer {
        var arguments = ["--catalogue", "terraform/datadog/monitors.json", "--api-key", "k", "--app-key", "a"]
        if let scenario { arguments += ["--scenario", scenario] }
        return try await FakeServer(script: "fake_datadog.py", arguments: arguments + extra)
    }

    /// POSTs JSON to one of the fake's control routes (`/_fake/…`, `/_sink/…`).
    public func control(_ path: String, json: String) async throws {
        let reply = try await HTTPTestClient.post(baseURL + path, json: json)
        guard reply.status == 200 else { throw ControlRouteFailed(path: path, status: reply.status, body: reply.text) }
    }

    public func get(_ path: String) async throws -> Data {
        try await HTTPTestClient.send(.GET, baseURL + path).body
    }
}

public struct ControlRouteFailed: Error {
    public let path: String
    public let status: Int
    public let body: String
}

extension FakeServer {
    /// The Slack sink, accepting posts on `path`.
    public static func slackSink(path: String = "/services/T000/B000/XXXX") async throws -> FakeServer {
        try await FakeServer(script: "slack_sink.py", arguments: ["--path", path])
    }
}

extension FakeServer {
    /// A proxy in front of `upstream` (moto) that can drop the answers of chosen requests after forwarding them.
    public static func awsFaultProxy(upstream: String) async throws -> FakeServer {
        try await FakeServer(script: "aws_fault_proxy.py", arguments: ["--upstream", upstream])
    }
}
