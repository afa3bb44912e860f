import Foundation
import LambdaEmulator
import NIOCore
import Testing
import TestSupport

/// The invocation loop of SPEC §3, exercised with the real probe binary under the emulator.
@Suite struct RuntimeLoopIntegrationTests {
    @Test func typedEventRoundTripCarriesTheInvocationContext() async throws {
        let probe = try await EmulatedProbe(timeout: .seconds(20))
        defer { Task { try await probe.shutdown() } }
        let reply = try #require(try await probe.invoke(#"{"action":"echo","message":"héllo \"quoted\""}"#).responseObject)
        #expect(reply["message"] as? String == "héllo \"quoted\"")
        #expect(reply["requestID"] as? String == "e0000000-0000-4000-8000-000000000001")
        #expect(reply["functionARN"] as? String == "arn:aws:lambda:us-east-1:000000000000:function:probe")
        let remaining = try #require(reply["remainingMilliseconds"] as? Int)
        #expect(remaining > 15_000 && remaining <= 20_000)
        let traceID = try #require(reply["traceID"] as? String)
        #expect(traceID.hasPrefix("Root=1-"))
        #expect(reply["traceEnvironment"] as? String == traceID, "_X_AMZN_TRACE_ID must be exported per invocation")
    }

    @Test func everyInvocationGetsItsOwnRequestIDAndTraceOverOneConnection() async throws {
        let probe = try await EmulatedProbe()
        defer { Task { try await probe.shutdown() } }
        var seenRequests = Set<String>()
        var seenTraces = Set<String>()
        for index in 0..<25 {
            let reply = try #require(try await probe.invoke(#"{"action":"echo","message":"\#(index)"}"#).responseObject)
            #expect(reply["message"] as? String == "\(index)")
            seenRequests.insert(try #require(reply["requestID"] as? String))
            seenTraces.insert(try #require(reply["traceEnvironment"] as? String))
        }
        #expect(seenRequests.count == 25)
        #expect(seenTraces.count == 25)
        let statistics = try await probe.emulator.statistics()
        #expect(statistics.connections == 1, "the runtime must keep one keep-alive connection")
        #expect(statistics.processStarts == 1)
        #expect(statistics.responses == 25)
    }

    @Test func aThrowingHandlerReportsTheErrorAndTheLoopGoesOn() async throws {
        let probe = try await EmulatedProbe()
        defer { Task { try await probe.shutdown() } }
        let failure = try #require(try await probe.invoke(#"{"action":"throw","message":"disk <full> & \"gone\""}"#).error)
        #expect(failure.type == "ProbeFailure")
        #expect(failure.message == "disk <full> & \"gone\"")
        #expect(try await probe.invoke(#"{"action":"echo"}"#).responseObject != nil)
        let statistics = try await probe.emulator.statistics()
        #expect(statistics.errors == 1)
        #expect(statistics.processExits.isEmpty)
        #expect(probe.output.contains("invocation failed: ProbeFailure"))
    }

    @Test(arguments: [#"{"message":"no action"}"#, "not json at all", "", #"{"action": 42}"#, "[1,2,3]"])
    func anUndecodableEventIsAnUnmarshalErrorNotACrash(event: String) async throws {
        let probe = try await EmulatedProbe()
        defer { Task { try await probe.shutdown() } }
        let failure = try #require(try await probe.invoke(event).error)
        #expect(failure.type == "Runtime.UnmarshalError")
        #expect(failure.message.contains("ProbeCommand"))
        #expect(try await probe.invoke(#"{"action":"echo"}"#).responseObject != nil)
        #expect(try await probe.emulator.statistics().processExits.isEmpty)
    }

    @Test func rawHandlerEchoesBytesExactly() async throws {
        let probe = try await EmulatedProbe(mode: "raw")
        defer { Task { try await probe.shutdown() } }
        let bytes: [UInt8] = [0, 1, 2, 0xFF, 0xFE] + Array("not json".utf8)
        guard case .response(let body) = try await probe.emulator.invoke(ByteBuffer(bytes: bytes)) else {
            Issue.record("raw echo failed")
            return
        }
        #expect(Array(body.readableBytesView) == bytes)
        guard case .response(let empty) = try await probe.emulator.invoke(ByteBuffer()) else {
            Issue.record("empty echo failed")
            return
        }
        #expect(empty.readableBytes == 0)
    }

    @Test func anOversizedResponseEndsOnlyThatInvocation() async throws {
        let probe = try await EmulatedProbe()
        defer { Task { try await probe.shutdown() } }
        let failure = try #require(try await probe.invoke(#"{"action":"large","bytes":6400000}"#).error)
        #expect(failure.type == "Function.ResponseSizeTooLarge")
        let justUnder = try #require(try await probe.invoke(#"{"action":"large","bytes":6000000}"#).responseObject)
        #expect((justUnder["padding"] as? String)?.count == 6_000_000)
        let statistics = try await probe.emulator.statistics()
        #expect(statistics.oversizedResponses == 1)
        #expect(statistics.processStarts == 1, "a 413 must not restart the runtime")
        #expect(statistics.processExits.isEmpty)
        #expect(probe.output.contains("response rejected as too large"))
    }

    @Test func initializationFailureIsReportedOnceThenTheProcessExits() async throws {
        let probe = try await EmulatedProbe(mode: "init-fail")
        defer { Task { try await probe.shutdown() } }
        let failure = try #require(try await probe.invoke(#"{"action":"echo"}"#).error)
        #expect(failure.type == "ProbeInitError")
        #expect(failure.message.contains("init-fail"))
        try await waitUntil { try await probe.emulator.statistics().processExits == [1] }
        let statistics = try await probe.emulator.statistics()
        #expect(statistics.initErrors == 1)
        #expect(statistics.nextArrivals.isEmpty, "a runtime that failed init must not ask for work")
    }

    @Test func anInvalidLogLevelIsAnInitErrorNamingTheVariable() async throws {
        let probe = try await EmulatedProbe(environment: ["AWS_LAMBDA_LOG_LEVEL": "LOUD"])
        defer { Task { try await probe.shutdown() } }
        let failure = try #require(try await probe.invoke(#"{"action":"echo"}"#).error)
        #expect(failure.message.contains("AWS_LAMBDA_LOG_LEVEL"))
        #expect(failure.message.contains("LOUD"))
        try await waitUntil { try await probe.emulator.statistics().processExits == [1] }
    }

    @Test(arguments: ["500", "close"])
    func aBrokenNextEndsTheProcessNonZero(fault: String) async throws {
        let probe = try await EmulatedProbe()
        defer { Task { try await probe.shutdown() } }
        #expect(try await probe.invoke(#"{"action":"echo"}"#).responseObject != nil)
        // Inject only once the runtime waits in its second /next, so the fault hits the third one.
        try await waitUntil { try await probe.emulator.statistics().nextArrivals.count == 2 }
        let port = probe.emulator.port
        let injected = try await HTTPTestClient.send(.POST, "http://127.0.0.1:\(port)/_emulator/faults?next=\(fault)")
        #expect(injected.status == 200)
        #expect(try await probe.invoke(#"{"action":"echo"}"#).responseObject != nil)
        try await waitUntil { try await probe.emulator.statistics().processExits == [1] }
        #expect(probe.output.contains("stopping"))
        let restarted = try await probe.invoke(#"{"action":"echo"}"#)
        #expect(restarted.responseObject != nil, "the next invocation starts a new runtime, as Lambda does")
        #expect(try await probe.emulator.statistics().processStarts == 2)
    }

    @Test func aHandlerPastItsDeadlineIsStoppedAndReplaced() async throws {
        let probe = try await EmulatedProbe(timeout: .seconds(1))
        defer { Task { try await probe.shutdown() } }
        let failure = try #require(try await probe.invoke(#"{"action":"sleep","milliseconds":5000}"#).error)
        #expect(failure.type == "Sandbox.Timedout")
        #expect(try await probe.invoke(#"{"action":"echo"}"#).responseObject != nil)
        #expect(try await probe.emulator.statistics().processStarts == 2)
    }

    @Test func aCrashedRuntimeFailsItsInvocationWithTheExitStatus() async throws {
        let probe = try await EmulatedProbe()
        defer { Task { try await probe.shutdown() } }
        let failure = try #require(try await probe.invoke(#"{"action":"exit","status":7}"#).error)
        #expect(failure.type == "Runtime.ExitError")
        #expect(failure.message.contains("exit status 7"))
    }

    @Test func clientContextIsPassedThrough() async throws {
        let probe = try await EmulatedProbe()
        defer { Task { try await probe.shutdown() } }
        let result = try await probe.emulator.invoke(ByteBuffer(string: #"{"action":"echo"}"#), clientContext: #"{"custom":{"k":"v"}}"#)
        #expect(result.responseObject?["clientContext"] as? String == #"{"custom":{"k":"v"}}"#)
    }
}
