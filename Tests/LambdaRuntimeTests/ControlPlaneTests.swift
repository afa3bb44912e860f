import NIOCore
import NIOHTTP1
import Testing
@testable import LambdaRuntime

@Suite struct ControlPlaneTests {
    private let host = "127.0.0.1:9001"

    @Test func nextIsABodilessGet() {
        let (head, body) = ControlPlaneRequest.next.encode(host: host, allocator: ByteBufferAllocator())
        #expect(head.method == .GET)
        #expect(head.uri == "/2018-06-01/runtime/invocation/next")
        #expect(head.headers.first(name: "host") == host)
        #expect(head.headers.first(name: "content-length") == nil)
        #expect(body == nil)
    }

    @Test func responseCarriesItsBodyAndLength() {
        let payload = ByteBuffer(string: #"{"ok":true}"#)
        let (head, body) = ControlPlaneRequest.invocationResponse(requestID: "abc", body: payload)
            .encode(host: host, allocator: ByteBufferAllocator())
        #expect(head.method == .POST)
        #expect(head.uri == "/2018-06-01/runtime/invocation/abc/response")
        #expect(head.headers.first(name: "content-length") == "11")
        #expect(body == payload)
    }

    @Test func emptyResponseSaysContentLengthZero() {
        let (head, body) = ControlPlaneRequest.invocationResponse(requestID: "abc", body: nil)
            .encode(host: host, allocator: ByteBufferAllocator())
        #expect(head.headers.first(name: "content-length") == "0")
        #expect(body == nil)
    }

    @Test func errorsCarryTheDocumentAndTheErrorTypeHeader() throws {
        let error = FunctionError(errorType: "Handler.Failed", errorMessage: "boom")
        for request in [ControlPlaneRequest.invocationError(requestID: "abc", error), .initializationError(error)] {
            let (head, body) = request.encode(host: host, allocator: ByteBufferAllocator())
            #expect(head.headers.first(name: "lambda-runtime-function-error-type") == "Handler.Failed")
            #expect(head.headers.first(name: "content-type") == "application/json")
            let text = String(buffer: try #require(body))
            #expect(text == #"{"errorMessage":"boom","errorType":"Handler.Failed","stackTrace":[]}"#)
            #expect(head.headers.first(name: "content-length") == String(text.utf8.count))
        }
        #expect(ControlPlaneRequest.initializationError(error).path == "/2018-06-01/runtime/init/error")
        #expect(ControlPlaneRequest.invocationError(requestID: "x", error).path == "/2018-06-01/runtime/invocation/x/error")
    }

    @Test func metadataIsReadFromEveryHeader() throws {
        let headers = HTTPHeaders([
            ("Lambda-Runtime-Aws-Request-Id", "req-1"),
            ("Lambda-Runtime-Deadline-Ms", "1764028800123"),
            ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:ap-northeast-2:1:function:f"),
            ("Lambda-Runtime-Trace-Id", "Root=1-abc"),
            ("Lambda-Runtime-Client-Context", #"{"c":1}"#),
            ("Lambda-Runtime-Cognito-Identity", #"{"i":2}"#),
        ])
        let metadata = try InvocationMetadata(headers: headers)
        #expect(metadata.requestID == "req-1")
        #expect(metadata.deadline == EpochMilliseconds(1_764_028_800_123))
        #expect(metadata.invokedFunctionARN == "arn:aws:lambda:ap-northeast-2:1:function:f")
        #expect(metadata.traceID == "Root=1-abc")
        #expect(metadata.clientContext == #"{"c":1}"#)
        #expect(metadata.cognitoIdentity == #"{"i":2}"#)
    }

    @Test(arguments: [
        [("Lambda-Runtime-Deadline-Ms", "1")],
        [("Lambda-Runtime-Aws-Request-Id", ""), ("Lambda-Runtime-Deadline-Ms", "1")],
        [("Lambda-Runtime-Aws-Request-Id", "r")],
        [("Lambda-Runtime-Aws-Request-Id", "r"), ("Lambda-Runtime-Deadline-Ms", "soon")],
    ])
    func metadataWithoutRequestIDOrDeadlineIsRejected(headers: [(String, String)]) {
        #expect(throws: RuntimeError.self) { try InvocationMetadata(headers: HTTPHeaders(headers)) }
    }

    @Test func remainingTimeCountsDownToTheDeadline() {
        let context = LambdaContext(requestID: "r", deadline: EpochMilliseconds(10_000), logger: .init(label: "t"))
        #expect(context.remainingTime(at: EpochMilliseconds(7_500)) == .milliseconds(2_500))
        #expect(context.remainingTime(at: EpochMilliseconds(12_000)) == .milliseconds(-2_000))
    }
}
