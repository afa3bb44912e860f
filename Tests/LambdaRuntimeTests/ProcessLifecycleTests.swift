import Foundation
import Testing
import TestSupport

/// How the real probe process starts and stops outside the happy path, and what it writes to its logs.
@Suite struct ProcessLifecycleTests {
    private func runProbe(environment: [String: String]) async throws -> (status: Int32?, output: String) {
        let process = try ManagedProcess(name: "probe", executable: RepositoryPaths.product("runtime-probe"), environment: environment)
        let status = await process.waitForExit(timeout: .seconds(10))
        return (status, process.output)
    }

    @Test func withoutTheRuntimeAPIVariableItExitsNonZeroAndSaysWhy() async throws {
        let (status, output) = try await runProbe(environment: ["PATH": "/usr/bin:/bin"])
        #expect(status == 1)
        #expect(output.contains("AWS_LAMBDA_RUNTIME_API is not set"))
    }

    @Test func aRefusedConnectionExitsNonZero() async throws {
        let port = try FreePort.find()
        let (status, output) = try await runProbe(environment: ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(port)"])
        #expect(status == 1)
        #expect(output.contains("could not connect to the Runtime API"))
    }

    @Test(arguments: ["JSON", "Text"])
    func everyLineOfAnInvocationCarriesItsRequestID(format: String) async throws {
        let probe = try await EmulatedProbe(environment: ["AWS_LAMBDA_LOG_FORMAT": format, "AWS_LAMBDA_LOG_LEVEL": "DEBUG"])
        defer { Task { try await probe.shutdown() } }
        let reply = try #require(try await probe.invoke(#"{"action":"log","message":"<b>&\"x\""}"#).responseObject)
        let requestID = try #require(reply["requestID"] as? String)
        _ = try await probe.invoke(#"{"action":"throw","message":"boom"}"#)
        let lines = probe.output.split(separator: "\n").map(String.init).filter { $0.contains("probe ") }
        #expect(lines.count == 3, "debug, info and warning lines: \(probe.output)")
        for line in lines {
            if format == "JSON" {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["requestId"] as? String == requestID)
                #expect(["DEBUG", "INFO", "WARN"].contains(object["level"] as? String ?? ""))
            } else {
                #expect(line.split(separator: "\t")[1] == Substring(requestID))
            }
        }
        let failureLine = try #require(probe.output.split(separator: "\n").first { $0.contains("invocation failed") })
        #expect(failureLine.contains("e0000000-0000-4000-8000-000000000002"))
    }

    @Test func theLogLevelFiltersTheFunctionsLines() async throws {
        let probe = try await EmulatedProbe(environment: ["AWS_LAMBDA_LOG_LEVEL": "WARN"])
        defer { Task { try await probe.shutdown() } }
        _ = try await probe.invoke(#"{"action":"log"}"#)
        #expect(probe.output.contains("probe warning line"))
        #expect(!probe.output.contains("probe info line"))
        #expect(!probe.output.contains("probe debug line"))
    }
}
