import HTTP1Client
import HTTPCore
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing
import TestSupport

/// The functions' transport against a loopback server that answers as scripted: well, badly, or not at all.
@Suite struct HTTP1TransportTests {
    private func withTransport(
        _ timeouts: HTTPTimeouts = HTTPTimeouts(connect: .seconds(30), read: .seconds(60)), maximumBodyBytes: Int = 1 << 20,
        _ body: (HTTP1Transport) async throws -> Void
    ) async throws {
        try await withRealTransport(HTTP1Transport(timeouts: timeouts, maximumBodyBytes: maximumBodyBytes), body)
    }

    /// Limits far above what a loopback exchange takes: the whole test run shares two cores and two event loops,
    /// and only the tests about timeouts set short ones (asserting which limit fired, never how long it took).
    private func get(_ transport: HTTP1Transport, _ server: ScriptedServer, _ path: String = "/", timeout: Duration = .seconds(60)) async throws -> HTTPResponse {
        try await transport.send(HTTPRequest(method: .GET, url: "http://127.0.0.1:\(server.port)\(path)", timeout: timeout))
    }

    @Test func anAnswerComesBackWithItsStatusHeadersAndBody() async throws {
        let server = try await ScriptedServer { _, _ in
            .bytes(ScriptedServer.answer(status: "404 Not Found", headers: [("X-Amzn-RequestId", "r-1")], body: "{\"__type\":\"x\"}"), thenClose: false)
        }
        try await withTransport { transport in
            let response = try await get(transport, server, "/a/b%20c?x=1&y=2")
            #expect(response.status == 404)
            #expect(response.headers.first(name: "x-amzn-requestid") == "r-1")
            #expect(String(decoding: response.body, as: UTF8.self) == "{\"__type\":\"x\"}")
        }
        let request = try #require(server.requests.first)
        #expect(request.hasPrefix("GET /a/b%20c?x=1&y=2 HTTP/1.1\r\n"))
        #expect(request.lowercased().contains("host: 127.0.0.1:\(server.port)\r\n"))
        try await server.close()
    }

    @Test func aBodyGoesWithItsLengthAndAnEmptyPostSaysZero() async throws {
        let server = try await ScriptedServer { _, _ in .bytes(ScriptedServer.answer(), thenClose: false) }
        try await withTransport { transport in
            let url = "http://127.0.0.1:\(server.port)/"
            _ = try await transport.send(HTTPRequest(method: .POST, url: url, headers: ["Content-Type": "application/json"], body: Array("{\"k\":1}".utf8), timeout: .seconds(60)))
            _ = try await transport.send(HTTPRequest(method: .POST, url: url, timeout: .seconds(60)))
        }
        let requests = server.requests.map { $0.lowercased() }
        #expect(requests.count == 2)
        #expect(requests[0].contains("content-length: 7\r\n") && requests[0].hasSuffix("\r\n\r\n{\"k\":1}"))
        #expect(requests[1].contains("content-length: 0\r\n"))
        #expect(!requests.joined().contains("transfer-encoding"))
        try await server.close()
    }

    @Test func oneConnectionCarriesRequestsOneAfterAnother() async throws {
        let server = try await ScriptedServer { index, _ in .bytes(ScriptedServer.answer(body: "answer \(index)"), thenClose: false) }
        try await withTransport { transport in
            for index in 0..<5 {
                let response = try await get(transport, server)
                #expect(String(decoding: response.body, as: UTF8.self) == "answer \(index)")
            }
        }
        #expect(server.connections == 1)
        try await server.close()
    }

    @Test func concurrentRequestsEachGetAConnectionAndTheyAreReused() async throws {
        let server = try await ScriptedServer { index, _ in .bytes(ScriptedServer.answer(body: "\(index)"), thenClose: false) }
        try await withTransport { transport in
            for _ in 0..<3 {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<4 { group.addTask { try await get(transport, server).status } }
                    for try await status in group { #expect(status == 200) }
                }
            }
        }
        #expect(server.requests.count == 12)
        #expect(server.connections <= 8)
        try await server.close()
    }

    @Test func anAnswerThatClosesTheConnectionIsNotReused() async throws {
        let server = try await ScriptedServer { _, _ in
            .bytes(ScriptedServer.answer(headers: [("Connection", "close")]), thenClose: true)
        }
        try await withTransport { transport in
            _ = try await get(transport, server)
            _ = try await get(transport, server)
        }
        #expect(server.connections == 2)
        try await server.close()
    }

    @Test func anIdleConnectionTheServerDroppedIsReplacedAndTheRequestGoesOnce() async throws {
        // The first answer says keep-alive and the server closes anyway, as an idle timeout would.
        let server = try await ScriptedServer { index, _ in
            .bytes(ScriptedServer.answer(body: "answer \(index)"), thenClose: index == 0)
        }
        try await withTransport { transport in
            _ = try await get(transport, server)
            try await Task.sleep(for: .milliseconds(100))
            let response = try await get(transport, server)
            #expect(String(decoding: response.body, as: UTF8.self) == "answer 1")
        }
        #expect(server.connections == 2)
        #expect(server.requests.count == 2)
        try await server.close()
    }

    @Test func aChunkedAnswerIsJoined() async throws {
        let chunked = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".utf8)
        let server = try await ScriptedServer { _, _ in .bytes(chunked, thenClose: false) }
        try await withTransport { transport in
            let response = try await get(transport, server)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello world")
        }
        try await server.close()
    }

    @Test func anAnswerWithoutALengthEndsWithTheConnection() async throws {
        let server = try await ScriptedServer { _, _ in
            .bytes(Array("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end".utf8), thenClose: true)
        }
        try await withTransport { transport in
            let response = try await get(transport, server)
            #expect(String(decoding: response.body, as: UTF8.self) == "until the end")
        }
        try await server.close()
    }

    @Test func aServerThatNeverFinishesTheTLSHandshakeIsATimeout() async throws {
        // A plain TCP server that reads the ClientHello and says nothing.
        let server = try await ScriptedServer { _, _ in .silence }
        try await withTransport(HTTPTimeouts(connect: .seconds(30), read: .milliseconds(300))) { transport in
            await #expect {
                _ = try await transport.send(HTTPRequest(method: .GET, url: "https://127.0.0.1:\(server.port)/", timeout: .seconds(60)))
            } throws: { error in
                guard case .timedOut(_, let detail) = error as? TransportError else { return false }
                return detail.contains("read timeout")
            }
        }
        try await server.close()
    }

    @Test func aHeadAnswerEndsWithoutTheBodyItAnnounces() async throws {
        let server = try await ScriptedServer { _, _ in
            .bytes(Array("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n".utf8), thenClose: false)
        }
        try await withTransport { transport in
            let url = "http://127.0.0.1:\(server.port)/object"
            let head = try await transport.send(HTTPRequest(method: .HEAD, url: url, timeout: .seconds(60)))
            #expect(head.status == 200 && head.body.isEmpty)
            let again = try await transport.send(HTTPRequest(method: .HEAD, url: url, timeout: .seconds(60)))
            #expect(again.status == 200)
        }
        #expect(server.connections == 1)
        try await server.close()
    }

    @Test func aSilentServerIsAReadTimeout() async throws {
        let server = try await ScriptedServer { _, _ in .silence }
        try await withTransport(HTTPTimeouts(connect: .seconds(30), read: .milliseconds(300))) { transport in
            // The error says which limit fired; timing the test instead would fail on a loaded machine.
            await #expect {
                _ = try await get(transport, server, timeout: .seconds(30))
            } throws: { error in
                guard case .timedOut(_, let detail) = error as? TransportError else { return false }
                return detail.contains("read timeout")
            }
        }
        try await server.close()
    }

    @Test func theRequestsDeadlineEndsAnAnswerThatTrickles() async throws {
        // Headers, then a body that never completes: each byte resets the read timeout, the deadline does not.
        let server = try await ScriptedServer { _, _ in
            .bytes(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".utf8), thenClose: false)
        }
        try await withTransport(HTTPTimeouts(connect: .seconds(30), read: .seconds(60))) { transport in
            await #expect {
                _ = try await get(transport, server, timeout: .milliseconds(400))
            } throws: { error in
                guard case .timedOut(_, let detail) = error as? TransportError else { return false }
                return detail.contains("deadline")
            }
        }
        try await server.close()
    }

    @Test func aCloseInTheMiddleOfAnAnswerIsAConnectionFailure() async throws {
        let server = try await ScriptedServer { _, _ in
            .bytes(Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".utf8), thenClose: true)
        }
        try await withTransport { transport in
            await #expect {
                _ = try await get(transport, server)
            } throws: { error in
                guard case .connectionFailed(_, let detail) = error as? TransportError else { return false }
                return detail.contains("middle")
            }
        }
        try await server.close()
    }

    @Test func aNewConnectionClosedBeforeAnAnswerFailsWithoutASecondTry() async throws {
        let server = try await ScriptedServer { _, _ in .close }
        try await withTransport { transport in
            await #expect {
                _ = try await get(transport, server)
            } throws: { error in
                guard case .connectionFailed = error as? TransportError else { return false }
                return true
            }
        }
        // The transport retries only on a reused connection; retrying a new one is the retry policy's call.
        #expect(server.requests.count == 1)
        try await server.close()
    }

    @Test func anAnswerOverTheLimitIsRefusedAndItsConnectionClosed() async throws {
        let server = try await ScriptedServer { index, _ in
            .bytes(ScriptedServer.answer(body: index == 0 ? String(repeating: "x", count: 2_000) : "small"), thenClose: false)
        }
        try await withTransport(maximumBodyBytes: 1_000) { transport in
            await #expect {
                _ = try await get(transport, server)
            } throws: { error in
                guard case .failed(_, let detail) = error as? TransportError else { return false }
                return detail.contains("larger than 1000 bytes")
            }
            let small = try await get(transport, server)
            #expect(String(decoding: small.body, as: UTF8.self) == "small")
        }
        #expect(server.connections == 2)
        try await server.close()
    }

    @Test(arguments: [
        "HELLO THERE\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: banana\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ])
    func aMalformedAnswerIsAFailureNotARetry(answer: String) async throws {
        let server = try await ScriptedServer { _, _ in .bytes(Array(answer.utf8), thenClose: false) }
        try await withTransport { transport in
            await #expect {
                _ = try await get(transport, server)
            } throws: { error in
                guard case .failed = error as? TransportError else { return false }
                return true
            }
        }
        try await server.close()
    }

    @Test func aHeaderValueThatWouldSplitTheRequestIsRefusedWithoutBeingSentOrShown() async throws {
        // A secret read from Secrets Manager with a line break in it must not become a second header or request.
        let server = try await ScriptedServer { _, _ in .bytes(ScriptedServer.answer(), thenClose: false) }
        try await withTransport { transport in
            let hostile = HTTPRequest(
                method: .GET, url: "http://127.0.0.1:\(server.port)/", headers: ["DD-API-KEY": "SECRETVALUE\r\nX-Injected: 1"],
                timeout: .seconds(60))
            await #expect {
                _ = try await transport.send(hostile)
            } throws: { error in
                guard case .failed = error as? TransportError else { return false }
                return !"\(error)".contains("SECRETVALUE")
            }
            let after = try await get(transport, server)
            #expect(after.status == 200)
        }
        #expect(server.requests.count == 1)
        #expect(!server.requests.joined().contains("X-Injected"))
        try await server.close()
    }

    @Test func aRefusedConnectionIsAConnectionFailureThatNamesNoSecret() async throws {
        let port = try FreePort.find()
        try await withTransport { transport in
            await #expect {
                _ = try await transport.send(HTTPRequest(method: .GET, url: "http://127.0.0.1:\(port)/p?X-Amz-Signature=SECRET", timeout: .seconds(60)))
            } throws: { error in
                guard case .connectionFailed(let url, _) = error as? TransportError else { return false }
                return url == "http://127.0.0.1:\(port)/p" && !"\(error)".contains("SECRET")
            }
        }
    }

    @Test func aCancelledRequestEndsAtOnceWithCancellation() async throws {
        let server = try await ScriptedServer { _, _ in .silence }
        try await withTransport(HTTPTimeouts(connect: .seconds(30), read: .seconds(60))) { transport in
            let request = Task { try await get(transport, server, timeout: .seconds(60)) }
            try await waitUntil { server.requests.count == 1 }
            request.cancel()
            await #expect(throws: CancellationError.self) { _ = try await request.value }
        }
        try await server.close()
    }

    @Test func aShutDownTransportRefusesRequests() async throws {
        let server = try await ScriptedServer { _, _ in .bytes(ScriptedServer.answer(), thenClose: false) }
        let transport = HTTP1Transport()
        _ = try await get(transport, server)
        try await transport.shutdown()
        await #expect {
            _ = try await get(transport, server)
        } throws: { error in
            guard case .failed(_, let detail) = error as? TransportError else { return false }
            return detail.contains("shut down")
        }
        await #expect(throws: (any Error).self) { try await transport.shutdown() }
        try await server.close()
    }
}
