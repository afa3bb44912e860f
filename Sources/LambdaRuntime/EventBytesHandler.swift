import JSONCoding
import NIOCore

/// A function that reads its event bytes itself (an event with several accepted shapes, each with its own
/// clear error) and answers JSON with sorted keys, so that answers compare as text.
public struct EventBytesHandler<Output: Encodable & Sendable>: LambdaRawHandler {
    let body: @Sendable (_ event: [UInt8], _ context: LambdaContext) async throws -> Output

    public init(_ body: @escaping @Sendable (_ event: [UInt8], _ context: LambdaContext) async throws -> Output) {
        self.body = body
    }

    public func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer? {
        let output = try await body(Array(event.readableBytesView), context)
        do {
            return ByteBuffer(bytes: try JSONEncoding().encode(output))
        } catch {
            throw FunctionError.marshal(error, outputType: Output.self)
        }
    }
}
