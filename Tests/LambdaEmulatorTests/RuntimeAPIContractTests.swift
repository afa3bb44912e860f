import Foundation
import LambdaEmulator
import NIOCore
import Testing
import TestSupport

/// The emulator's Runtime API, spoken to directly over HTTP as a runtime would: exact routes, status codes,
/// headers and bodies.
@Suite struct RuntimeAPIContractTests {
    private let emulator: RuntimeEmulator
    private let base: String

    init() async throws {
        emulator = try await RuntimeEmulator(configuration: EmulatorConfiguration(functionName: "demo", timeout: .seconds(30)))
        base = "http://127.0.0.1:\(emulator.port)"
    }

    private func runtime(_ path: String) -> String { base + "/2018-06-01/runtime" + path }

    /// Starts an invocation through the Invoke API and returns its task and the `/next` answer the runtime sees.
    private func startInvocation(_ payload: String) async throws -> (Task<HTTPExchange, any Error>, HTTPExchange) {
        let url = base + "/2015-03-31/functions/demo/invocations"
        let invocation = Task { try await HTTPTestClient.post(url, json: payload) }
        let next = try await HTTPTestClient.send(.GET, runtime("/invocation/next"))
        return (invocation, next)
    }

    @Test func nextCarriesTheEventAndEveryContextHeader() async throws {
        defer { Task { try await emulator.shutdown() } }
        let before = Int64(Date().timeIntervalSince1970 * 1000)
        let (invocation, next) = try await startInvocation(#"{"hello":"world"}"#)
        let after = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(next.status == 200)
        #expect(next.text == #"{"hello":"world"}"#)
        let requestID = try #require(next.headers.first(name: "Lambda-Runtime-Aws-Request-Id"))
        let deadline = try #require(Int64(next.headers.first(name: "Lambda-Runtime-Deadline-Ms") ?? ""))
        // Delivered between `before` and `after`, with the configured 30 s timeout.
        #expect(deadline >= before + 30_000 && deadline <= after + 30_000)
        #expect(next.headers.first(name: "Lambda-Runtime-Invoked-Function-Arn") == "arn:aws:lambda:us-east-1:000000000000:function:demo")
        #expect(next.headers.first(name: "Lambda-Runtime-Trace-Id")?.hasPrefix("Root=1-") == true)

        let accepted = try await HTTPTestClient.post(runtime("/invocation/\(requestID)/response"), json: #"{"ok":1}"#)
        #expect(accepted.status == 202)
        #expect(accepted.text == #"{"status":"OK"}"#)
        let result = try await invocation.value
        #expect(result.status == 200)
        #expect(result.text == #"{"ok":1}"#)
        #expect(result.headers.first(name: "X-Amz-Function-Error") == nil)
    }

    @Test func anUnknownRequestIDIs400() async throws {
        defer { Task { try await emulator.shutdown() } }
        for path in ["/invocation/nope/response", "/invocation/nope/error"] {
            let answer = try await HTTPTestClient.post(runtime(path), json: "{}")
            #expect(answer.status == 400)
            #expect(try answer.json()["errorType"] as? String == "InvalidRequestID")
        }
    }

    @Test func aResponseIsAcceptedOnlyOnce() async throws {
        defer { Task { try await emulator.shutdown() } }
        let (invocation, next) = try await startInvocation("{}")
        let requestID = try #require(next.headers.first(name: "Lambda-Runtime-Aws-Request-Id"))
        #expect(try await HTTPTestClient.post(runtime("/invocation/\(requestID)/response"), json: "1").status == 202)
        #expect(try await HTTPTestClient.post(runtime("/invocation/\(requestID)/response"), json: "2").status == 400)
        #expect(try await invocation.value.text == "1")
    }

    @Test(arguments: [(6_291_556, 202), (6_291_557, 413)])
    func responsesOver6MBAre413(size: Int, expectedStatus: Int) async throws {
        defer { Task { try await emulator.shutdown() } }
        let (invocation, next) = try await startInvocation("{}")
        let requestID = try #require(next.headers.first(name: "Lambda-Runtime-Aws-Request-Id"))
        let body = Data(repeating: UInt8(ascii: "a"), count: size)
        let answer = try await HTTPTestClient.send(.POST, runtime("/invocation/\(requestID)/response"), body: body)
        #expect(answer.status == expectedStatus)
        let result = try await invocation.value
        if expectedStatus == 413 {
            #expect(try answer.json()["errorType"] as? String == "RequestEntityTooLarge")
            #expect(result.headers.first(name: "X-Amz-Function-Error") == "Unhandled")
            #expect(try result.json()["errorType"] as? String == "Function.ResponseSizeTooLarge")
        } else {
            #expect(result.body.count == size)
        }
    }

    @Test func anErrorReachesTheCallerWithItsType() async throws {
        defer { Task { try await emulator.shutdown() } }
        let (invocation, next) = try await startInvocation("{}")
        let requestID = try #require(next.headers.first(name: "Lambda-Runtime-Aws-Request-Id"))
        let document = #"{"errorMessage":"bad","errorType":"Custom.Failure","stackTrace":[]}"#
        let accepted = try await HTTPTestClient.post(
            runtime("/invocation/\(requestID)/error"),
            json: document,
            headers: [("Lambda-Runtime-Function-Error-Type", "Custom.Failure")]
        )
        #expect(accepted.status == 202)
        #expect(accepted.text == #"{"status":"OK"}"#)
        let result = try await invocation.value
        #expect(result.status == 200)
        #expect(result.headers.first(name: "X-Amz-Function-Error") == "Unhandled")
        #expect(result.text == document)
    }

    @Test func anInitErrorFailsWaitingInvocationsAndIsAcknowledged() async throws {
        defer { Task { try await emulator.shutdown() } }
        let url = base + "/2015-03-31/functions/demo/invocations"
        let invocation = Task { try await HTTPTestClient.post(url, json: "{}") }
        try await Task.sleep(for: .milliseconds(100))
        let document = #"{"errorMessage":"no config","errorType":"Config.Missing","stackTrace":[]}"#
        let accepted = try await HTTPTestClient.post(runtime("/init/error"), json: document, headers: [("Lambda-Runtime-Function-Error-Type", "Config.Missing")])
        #expect(accepted.status == 202)
        #expect(accepted.text == #"{"status":"OK"}"#)
        let result = try await invocation.value
        #expect(result.headers.first(name: "X-Amz-Function-Error") == "Unhandled")
        #expect(result.text == document)
        #expect(try await emulator.statistics().initErrors == 1)
    }

    @Test func invokeRejectsOversizedPayloadsAndUnknownFunctions() async throws {
        defer { Task { try await emulator.shutdown() } }
        let large = Data(repeating: UInt8(ascii: "a"), count: 6_291_457)
        let tooLarge = try await HTTPTestClient.send(.POST, base + "/2015-03-31/functions/demo/invocations", body: large)
        #expect(tooLarge.status == 413)
        #expect(tooLarge.headers.first(name: "x-amzn-errortype") == "RequestEntityTooLargeException")
        let unknown = try await HTTPTestClient.post(base + "/2015-03-31/functions/other/invocations", json: "{}")
        #expect(unknown.status == 404)
        #expect(try unknown.json()["errorType"] as? String == "ResourceNotFoundException")
    }

    @Test func eventInvocationsAreAcceptedAtOnce() async throws {
        defer { Task { try await emulator.shutdown() } }
        let accepted = try await HTTPTestClient.post(
            base + "/2015-03-31/functions/demo/invocations",
            json: #"{"async":true}"#,
            headers: [("X-Amz-Invocation-Type", "Event")]
        )
        #expect(accepted.status == 202)
        let next = try await HTTPTestClient.send(.GET, runtime("/invocation/next"))
        #expect(next.text == #"{"async":true}"#)
    }

    @Test func invocationsAreServedInOrder() async throws {
        defer { Task { try await emulator.shutdown() } }
        let url = base + "/2015-03-31/functions/demo/invocations"
        var invocations: [Task<HTTPExchange, any Error>] = []
        for index in 0..<5 {
            invocations.append(Task { try await HTTPTestClient.post(url, json: "\(index)") })
            // Each must be queued before the next is sent, or their arrival order is up to the scheduler.
            while try await emulator.statistics().invocations <= index { try await Task.sleep(for: .milliseconds(5)) }
        }
        for index in 0..<5 {
            let next = try await HTTPTestClient.send(.GET, runtime("/invocation/next"))
            #expect(next.text == "\(index)")
            let requestID = try #require(next.headers.first(name: "Lambda-Runtime-Aws-Request-Id"))
            _ = try await HTTPTestClient.post(runtime("/invocation/\(requestID)/response"), json: "\"done \(index)\"")
        }
        for (index, invocation) in invocations.enumerated() {
            #expect(try await invocation.value.text == "\"done \(index)\"")
        }
    }
}
