import JSONCoding
import NIOCore

/// Runs a typed `LambdaHandler` as a raw one. Decoding and encoding failures become the error documents
/// Lambda's own runtimes use (`Runtime.UnmarshalError`, `Runtime.MarshalError`), never a crash.
struct CodableHandlerAdapter<Handler: LambdaHandler>: LambdaRawHandler {
    let handler: Handler
    let encodeOutput: @Sendable (Handler.Output) throws -> ByteBuffer?

    func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer? {
        let decoded: Handler.Event
        do {
            decoded = try JSONDecoding().decode(Handler.Event.self, from: event.readableBytesView)
        } catch {
            throw FunctionError.unmarshal(error, eventType: Handler.Event.self)
        }
        let output = try await handler.handle(decoded, context: context)
        return try encodeOutput(output)
    }
}

extension CodableHandlerAdapter where Handler.Output: Encodable {
    init(_ handler: Handler) {
        self.handler = handler
        self.encodeOutput = { output in
            do {
                return ByteBuffer(bytes: try JSONEncoding().encode(output))
            } catch {
                throw FunctionError.marshal(error, outputType: Handler.Output.self)
            }
        }
    }
}

extension CodableHandlerAdapter where Handler.Output == ByteBuffer {
    init(_ handler: Handler) {
        self.handler = handler
        self.encodeOutput = { $0 }
    }
}

extension CodableHandlerAdapter where Handler.Output == Void {
    init(_ handler: Handler) {
        self.handler = handler
        self.encodeOutput = { _ in nil }
    }
}
