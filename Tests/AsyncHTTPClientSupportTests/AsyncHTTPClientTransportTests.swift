@testable import AWSCore
import AsyncHTTPClientSupport
import HTTPCore
import NIOCore
import NIOPosix
import Testing
import TestSupport

/// The real transport's failure mapping: what the retry step sees when the network misbehaves.
@Suite struct AsyncHTTPClientTransportTests {
    @Test func refusedConnectionIsAConnectionFailure() async throws {
        let transport = AsyncHTTPClientTransport(timeouts: .init(connect: .seconds(2), read: .seconds(2)))
        let port = try FreePort.find()
        await #expect {
            _ = try await transport.send(HTTPRequest(method: .GET, url: "http://127.0.0.1:\(port)/?X-Amz-Signature=secret", timeout: .seconds(2)))
        } throws: { error in
            guard case .connectionFailed(let url, _) = error as? TransportError else { return false }
            return url == "http://127.0.0.1:\(port)/"
        }
        try await transport.shutdown()
    }

    @Test func silentServerIsATimeout() async throws {
        // Accepts connections and never answers.
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { _ in MultiThreadedEventLoopGroup.singleton.any().makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let transport = AsyncHTTPClientTransport(timeouts: .init(connect: .seconds(2), read: .milliseconds(300)))
        // The 300 ms read timeout, not the 5 s deadline, ended it. The error says which one fired; timing it
        // instead would fail whenever a loaded machine delays the test task's wake-up.
        await #expect {
            _ = try await transport.send(HTTPRequest(method: .POST, url: "http://127.0.0.1:\(port)/", body: [1], timeout: .seconds(5)))
        } throws: { error in
            guard case .timedOut(_, let detail) = error as? TransportError else { return false }
            return detail.contains("readTimeout")
        }
        try await transport.shutdown()
        try await server.close()
    }

    @Test func requestsNeverPrintTheirSecrets() {
        let request = HTTPRequest(
            method: .GET, url: "https://b.s3.amazonaws.com/k?X-Amz-Signature=QUERYSIGNATURE&X-Amz-Security-Token=QUERYTOKEN",
            headers: ["Authorization": "AWS4-HMAC-SHA256 Credential=A/…, Signature=HEADERSIGNATURE", "X-Amz-Security-Token": "HEADERTOKEN"],
            timeout: .seconds(1))
        let text = "\(request)"
        for secret in ["QUERYSIGNATURE", "QUERYTOKEN", "HEADERSIGNATURE", "HEADERTOKEN"] { #expect(!text.contains(secret)) }
        #expect(text.contains("https://b.s3.amazonaws.com/k"))
    }
}
