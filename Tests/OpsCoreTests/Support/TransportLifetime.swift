import AWSCore
import HTTPCore

/// Gives `body` a real transport and shuts it down afterwards, whether `body` fails or not.
func withRealTransport(_ body: (AsyncHTTPClientTransport) async throws -> Void) async throws {
    let transport = AsyncHTTPClientTransport()
    do {
        try await body(transport)
    } catch {
        try await transport.shutdown()
        throw error
    }
    try await transport.shutdown()
}
