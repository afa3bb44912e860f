import Foundation
import LambdaEmulator
import NIOCore
import TestSupport

/// The real `runtime-probe` executable under an in-process emulator: what these tests exercise is the
/// runtime as Lambda would run it, over real HTTP on loopback.
struct EmulatedProbe {
    let emulator: RuntimeEmulator
    let outputPath: String

    init(mode: String = "typed", timeout: Duration = .seconds(30), environment: [String: String] = [:]) async throws {
        outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).log").path
        var variables = ["PROBE_MODE": mode]
        variables.merge(environment) { _, new in new }
        emulator = try await RuntimeEmulator(configuration: EmulatorConfiguration(
            functionName: "probe",
            timeout: timeout,
            command: [RepositoryPaths.product("runtime-probe")],
            environment: variables,
            functionOutputPath: outputPath
        ))
    }

    /// Invokes the probe with a JSON event and returns the result.
    func invoke(_ json: String) async throws -> InvocationResult {
        try await emulator.invoke(ByteBuffer(string: json))
    }

    /// The probe's stdout and stderr so far.
    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    func shutdown() async throws { try await emulator.shutdown() }
}

extension InvocationResult {
    /// The response body as a JSON object, or nil for an error.
    var responseObject: [String: Any]? {
        guard case .response(let body) = self else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
    }

    /// The error document's type and message, or nil for a response.
    var error: (type: String, message: String)? {
        guard case .functionError(let type, let document) = self,
            let object = try? JSONSerialization.jsonObject(with: Data(document.readableBytesView)) as? [String: Any]
        else { return nil }
        return (type, object["errorMessage"] as? String ?? "")
    }
}
