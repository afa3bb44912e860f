import HTTP1Client

/// Gives `body` a transport (the functions' own by default) and shuts it down afterwards, whether `body` fails or not.
public func withRealTransport(
    _ transport: HTTP1Transport = HTTP1Transport(), _ body: (HTTP1Transport) async throws -> Void
) async throws {
    do {
        try await body(transport)
    } catch {
        try await transport.shutdown()
        throw error
    }
    try await transport.shutdown()
}
