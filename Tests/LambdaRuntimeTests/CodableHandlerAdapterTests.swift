import Logging
import NIOCore
import Testing
@testable import LambdaRuntime

private struct Greeting: Codable, Sendable { var name: String }
private struct Reply: Codable, Sendable, Equatable { var text: String }

private struct GreetingHandler: LambdaHandler {
    func handle(_ event: Greeting, context: LambdaContext) async throws -> Reply { Reply(text: "hello \(event.name)") }
}

private struct SilentHandler: LambdaHandler {
    func handle(_ event: Greeting, context: LambdaContext) async throws {}
}

private struct BytesHandler: LambdaHandler {
    func handle(_ event: Greeting, context: LambdaContext) async throws -> ByteBuffer { ByteBuffer(string: "<\(event.name)>") }
}

private struct UnencodableHandler: LambdaHandler {
    func handle(_ event: Greeting, context: LambdaContext) async throws -> Double { .infinity }
}

@Suite struct CodableHandlerAdapterTests {
    private let context = LambdaContext(requestID: "r", deadline: EpochMilliseconds(0), logger: Logger(label: "t"))

    @Test func encodableOutputIsJSON() async throws {
        let output = try await CodableHandlerAdapter(GreetingHandler()).handle(ByteBuffer(string: #"{"name":"서울"}"#), context: context)
        #expect(String(buffer: try #require(output)) == #"{"text":"hello 서울"}"#)
    }

    @Test func voidOutputIsAnEmptyResponse() async throws {
        let output = try await CodableHandlerAdapter(SilentHandler()).handle(ByteBuffer(string: #"{"name":"a"}"#), context: context)
        #expect(output == nil)
    }

    @Test func byteBufferOutputIsSentAsIs() async throws {
        let output = try await CodableHandlerAdapter(BytesHandler()).handle(ByteBuffer(string: #"{"name":"a"}"#), context: context)
        #expect(output.map { String(buffer: $0) } == "<a>")
    }

    @Test func undecodableEventIsAnUnmarshalError() async {
        await #expect(throws: FunctionError.self) {
            _ = try await CodableHandlerAdapter(GreetingHandler()).handle(ByteBuffer(string: "{"), context: context)
        }
        do {
            _ = try await CodableHandlerAdapter(GreetingHandler()).handle(ByteBuffer(string: #"{"nom":1}"#), context: context)
        } catch let error as FunctionError {
            #expect(error.errorType == "Runtime.UnmarshalError")
            #expect(error.errorMessage.contains("Greeting"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unencodableOutputIsAMarshalError() async {
        do {
            _ = try await CodableHandlerAdapter(UnencodableHandler()).handle(ByteBuffer(string: #"{"name":"a"}"#), context: context)
            Issue.record("infinity must not encode")
        } catch let error as FunctionError {
            #expect(error.errorType == "Runtime.MarshalError")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
