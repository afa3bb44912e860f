import JSONCoding
import HTTPCore
import LambdaRuntime
import NIOCore
import OpsCore

/// The Lambda face of the webhook: Function URL event in, Function URL response out. A malformed event is
/// answered 400 rather than failing the invocation, which Lambda would turn into a 502 for Datadog.
struct CollectionHandler: LambdaRawHandler {
    let ingestor: WebhookIngestor

    func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer? {
        let response: FunctionURLResponse
        if let request = try? JSONDecoding().decode(FunctionURLRequest.self, from: event.readableBytesView) {
            response = await ingestor.ingest(request, logger: context.logger)
        } else {
            context.logger.warning("rejected an event that is not a Function URL request (payload format 2.0)")
            response = FunctionURLResponse(statusCode: 400, reply: WebhookReply(status: .rejected, reason: "not a Function URL request"))
        }
        return ByteBuffer(bytes: try JSONEncoding().encode(response))
    }
}
