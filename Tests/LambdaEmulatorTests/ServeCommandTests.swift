import Foundation
import Testing
import TestSupport

/// The `lambda-emulator serve` process as scripts use it: readiness line, port file, invocation over HTTP,
/// and a clean stop on SIGTERM that takes the function process with it.
@Suite struct ServeCommandTests {
    @Test func servesUntilSIGTERMAndStopsItsFunctionProcess() async throws {
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-\(UUID().uuidString).port").path
        let emulator = try ManagedProcess(
            name: "lambda-emulator",
            executable: RepositoryPaths.product("lambda-emulator"),
            arguments: ["serve", "--port-file", portFile, "--function-name", "probe", "--start", "--", RepositoryPaths.product("runtime-probe")]
        )
        let banner = try await emulator.waitForOutput(containing: "started")
        let port = try String(contentsOfFile: portFile, encoding: .utf8)
        #expect(banner.contains("listening on http://127.0.0.1:\(port)"))
        let pidText = try #require(banner.firstMatch(of: /function process (\d+) started/)?.1)
        let functionPID = try #require(pid_t(String(pidText)))

        let answer = try await HTTPTestClient.post("http://127.0.0.1:\(port)/2015-03-31/functions/probe/invocations", json: #"{"action":"echo","message":"hi"}"#)
        #expect(answer.status == 200)
        #expect(try answer.json()["message"] as? String == "hi")

        kill(emulator.process.processIdentifier, SIGTERM)
        #expect(await emulator.waitForExit(timeout: .seconds(10)) == 0)
        #expect(kill(functionPID, 0) != 0, "the function process must not outlive the emulator")
        #expect(emulator.output.contains("function process \(functionPID) ended: signal 9"))
    }

    @Test(arguments: [["serve", "--timeout", "0"], ["serve", "--env", "NOEQUALS"], ["bench"], ["serve", "--port", "notaport"]])
    func badArgumentsAreRefusedWithAMessage(arguments: [String]) async throws {
        let emulator = try ManagedProcess(name: "lambda-emulator", executable: RepositoryPaths.product("lambda-emulator"), arguments: arguments)
        let status = await emulator.waitForExit(timeout: .seconds(10))
        #expect(status != nil && status != 0)
        #expect(emulator.output.lowercased().contains("error"))
    }
}
