#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LambdaRuntime
import NIOCore
import OpsCore

/// The Lambda face of a check run: the schedule event in, the run's outcome out.
struct DailyCheckHandler: LambdaRawHandler {
    let service: DailyCheckService

    func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer? {
        let outcome = try await service.run(event: Array(event.readableBytesView), requestID: context.requestID, logger: context.logger)
        return ByteBuffer(bytes: try JSONEncoder.sorted.encode(outcome))
    }
}
