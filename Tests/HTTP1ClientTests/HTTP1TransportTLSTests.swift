import Foundation
import HTTP1Client
import HTTPCore
import NIOSSL
import Testing
import TestSupport

/// TLS as the functions meet it: a certificate is verified against the trust roots and the host name, and
/// a failure to verify is final (`failed`), never retried as a network problem.
@Suite struct HTTP1TransportTLSTests {
    /// A certificate authority of the test's own and two server certificates it signed, made by openssl.
    struct Authority {
        let directory: URL
        var ca: String { directory.appendingPathComponent("ca.pem").path }
        func certificate(_ name: String) -> String { directory.appendingPathComponent("\(name).pem").path }
        func key(_ name: String) -> String { directory.appendingPathComponent("\(name).key").path }

        static func make() async throws -> Authority {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("http1-tls-\(UInt64.random(in: 0...UInt64.max))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let authority = Authority(directory: directory)
            func openssl(_ arguments: [String]) async throws {
                let run = try await ProgramRun.run("/usr/bin/env", ["openssl"] + arguments, environment: ProcessInfo.processInfo.environment)
                try #require(run.status == 0, "openssl \(arguments.joined(separator: " ")): \(run.standardError)")
            }
            try await openssl([
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                "-subj", "/CN=opsdaily test CA", "-keyout", authority.key("ca"), "-out", authority.ca,
            ])
            for (name, names) in [("localhost", "DNS:localhost,IP:127.0.0.1"), ("elsewhere", "DNS:elsewhere.test")] {
                try await openssl([
                    "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=\(name)",
                    "-keyout", authority.key(name), "-out", directory.appendingPathComponent("\(name).csr").path,
                ])
                let extensions = directory.appendingPathComponent("\(name).ext")
                try "subjectAltName=\(names)\n".write(to: extensions, atomically: true, encoding: .utf8)
                try await openssl([
                    "x509", "-req", "-in", directory.appendingPathComponent("\(name).csr").path, "-CA", authority.ca,
                    "-CAkey", authority.key("ca"), "-CAcreateserial", "-days", "2", "-extfile", extensions.path,
                    "-out", authority.certificate(name),
                ])
            }
            return authority
        }

        func server(_ name: String) async throws -> ScriptedServer {
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate(name)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key(name), format: .pem)))
            return try await ScriptedServer(tls: try NIOSSLContext(configuration: configuration)) { _, _ in
                .bytes(ScriptedServer.answer(body: "secure"), thenClose: false)
            }
        }

        func trustingTransport() throws -> HTTP1Transport {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(ca))
            return HTTP1Transport(timeouts: HTTPTimeouts(connect: .seconds(30), read: .seconds(60)), tlsConfiguration: configuration)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test func aCertificateFromATrustedAuthorityForTheHostIsAccepted() async throws {
        let authority = try await Authority.make()
        defer { authority.remove() }
        let server = try await authority.server("localhost")
        let transport = try authority.trustingTransport()
        for host in ["localhost", "127.0.0.1"] {
            let response = try await transport.send(HTTPRequest(method: .GET, url: "https://\(host):\(server.port)/", timeout: .seconds(60)))
            #expect(String(decoding: response.body, as: UTF8.self) == "secure")
        }
        try await transport.shutdown()
        try await server.close()
    }

    @Test func anAuthorityTheSystemDoesNotTrustIsRefused() async throws {
        let authority = try await Authority.make()
        defer { authority.remove() }
        try await expectRefusal(by: HTTP1Transport(timeouts: HTTPTimeouts(connect: .seconds(30), read: .seconds(60))), of: authority.server("localhost"))
    }

    @Test func aCertificateForAnotherHostIsRefused() async throws {
        let authority = try await Authority.make()
        defer { authority.remove() }
        try await expectRefusal(by: authority.trustingTransport(), of: authority.server("elsewhere"))
    }

    /// The handshake fails as final (`failed`, not a connection failure to retry) and no request reaches the server.
    private func expectRefusal(by transport: HTTP1Transport, of server: ScriptedServer) async throws {
        await #expect {
            _ = try await transport.send(HTTPRequest(method: .GET, url: "https://localhost:\(server.port)/", timeout: .seconds(60)))
        } throws: { error in
            guard case .failed = error as? TransportError else { return false }
            return true
        }
        #expect(server.requests.isEmpty)
        try await transport.shutdown()
        try await server.close()
    }
}
