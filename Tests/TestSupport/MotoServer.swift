import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A `moto_server` of its own for one test suite, on a free port of 127.0.0.1. With `authentication`, it
/// first creates an IAM user allowed everything and an access key for it (while auth is still off), then
/// switches auth on: from then on moto verifies SigV4 header signatures and answers a bad one with 403.
public final class MotoServer: Sendable {
    public let process: ManagedProcess
    public let port: Int
    /// The IAM user's key when authentication is on; placeholder test keys otherwise.
    public let accessKeyID: String
    public let secretAccessKey: String

    public var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(process: ManagedProcess, port: Int, accessKeyID: String, secretAccessKey: String) {
        self.process = process
        self.port = port
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
    }

    public static func start(authentication: Bool) async throws -> MotoServer {
        let port = try FreePort.find()
        let process = try ManagedProcess(
            name: "moto",
            executable: try Executables.path(of: "python3"),
            arguments: ["-c", unblockingSignalsThenMoto, "-H", "127.0.0.1", "-p", String(port)]
        )
        let endpoint = "http://127.0.0.1:\(port)"
        try await waitUntilAnswering(endpoint, process: process)
        guard authentication else {
            return MotoServer(process: process, port: port, accessKeyID: "AKIDMOTOTEST", secretAccessKey: "moto-test-secret")
        }
        let user = "opsdaily-test"
        _ = try await iam(endpoint, ["Action": "CreateUser", "UserName": user])
        _ = try await iam(endpoint, [
            "Action": "PutUserPolicy", "UserName": user, "PolicyName": "everything",
            "PolicyDocument": #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        ])
        let keyXML = try await iam(endpoint, ["Action": "CreateAccessKey", "UserName": user])
        guard let accessKeyID = element("AccessKeyId", in: keyXML), let secret = element("SecretAccessKey", in: keyXML) else {
            throw MotoServerError(answer: keyXML)
        }
        _ = try await post(endpoint + "/moto-api/reset-auth", body: "0", contentType: "text/plain")
        return MotoServer(process: process, port: port, accessKeyID: accessKeyID, secretAccessKey: secret)
    }

    /// The repository's `moto_server` launcher (scripts/tests/moto_server.py: moto with its SigV4 check of
    /// REST GETs corrected), after clearing the signal mask. A child spawned from a Swift concurrency thread
    /// inherits that thread's mask, in which SIGTERM is blocked: without this, `terminate()` would wait forever.
    private static var unblockingSignalsThenMoto: String {
        let launcher = RepositoryPaths.root.appendingPathComponent("scripts/tests/moto_server.py").path
        return """
            import runpy, signal, sys
            signal.pthread_sigmask(signal.SIG_SETMASK, set())
            sys.argv = [\(String(reflecting: launcher))] + sys.argv[1:]
            runpy.run_path(sys.argv[0], run_name="__main__")
            """
    }

    public func stop() {
        process.terminate()
    }

    private static func waitUntilAnswering(_ endpoint: String, process: ManagedProcess) async throws {
        // As long as any server's start may take at the start of the parallel suite (see waitForOutput).
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if !process.isRunning { throw ManagedProcessError.exited(name: "moto", status: process.process.terminationStatus, output: process.output) }
            var request = HTTPClientRequest(url: endpoint + "/moto-api/")
            request.method = .GET
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)), response.status == .ok {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ManagedProcessError.timedOut(name: "moto", waitingFor: "an answer on \(endpoint)", output: process.output)
    }

    /// An IAM query-protocol call. Auth is still off, so the signature is a placeholder; the credential
    /// scope is what tells moto's single server which service is meant.
    private static func iam(_ endpoint: String, _ parameters: [String: String]) async throws -> String {
        var form = URLComponents()
        form.queryItems = (parameters.merging(["Version": "2010-05-08"]) { $1 }).map { URLQueryItem(name: $0.key, value: $0.value) }
        let body = (form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return try await post(
            endpoint + "/", body: body, contentType: "application/x-www-form-urlencoded",
            authorization: "AWS4-HMAC-SHA256 Credential=AKIDSETUP/20250101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0")
    }

    private static func post(_ url: String, body: String, contentType: String, authorization: String? = nil) async throws -> String {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        guard response.status == .ok else { throw MotoServerError(answer: "\(response.status) \(text)") }
        return text
    }

    private static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}

/// moto answered a setup call with something other than success.
public struct MotoServerError: Error, CustomStringConvertible {
    public let answer: String

    public var description: String { "moto answered unexpectedly: \(answer)" }
}
