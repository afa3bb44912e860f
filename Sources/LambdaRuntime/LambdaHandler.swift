import NIOCore

/// The bottom layer every function runs on: bytes in, bytes out (nil for an empty response).
public protocol LambdaRawHandler: Sendable {
    func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer?
}

/// A typed handler: the event is decoded from JSON; the output is encoded to JSON when it is `Encodable`,
/// sent as is when it is a `ByteBuffer`, and empty when it is `Void`.
public protocol LambdaHandler: Sendable {
    associatedtype Event: Decodable & Sendable
    associatedtype Output: Sendable

    func handle(_ event: Event, context: LambdaContext) async throws -> Output
}
