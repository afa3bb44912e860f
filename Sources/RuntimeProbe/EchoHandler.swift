import LambdaRuntime
import NIOCore

/// Bytes in, the same bytes out; an empty event gives an empty response.
struct EchoHandler: LambdaRawHandler {
    func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer? {
        event.readableBytes == 0 ? nil : event
    }
}
