import AWSCore
import CivilTime
import Foundation
import NIOHTTP1
import TestSupport

/// One folder of AWS's SigV4 test suite: the raw request, its `context.json`, and the expected texts.
struct SigV4SuiteCase: CustomStringConvertible, Sendable {
    struct Context: Decodable {
        struct Credentials: Decodable {
            let access_key_id: String
            let secret_access_key: String
            let token: String?
        }
        let credentials: Credentials
        let expiration_in_seconds: Int
        let normalize: Bool
        let region: String
        let service: String
        let sign_body: Bool
        let timestamp: String
        let omit_session_token: Bool?
    }

    static let directory = RepositoryPaths.shared.appendingPathComponent("reference/sigv4-test-suite")

    static var all: [SigV4SuiteCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            let folder = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("context.json").path) else { return nil }
            return SigV4SuiteCase(name: name)
        }
    }

    let name: String
    var description: String { name }

    var folder: URL { Self.directory.appendingPathComponent(name) }

    func file(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func context() throws -> Context {
        try JSONDecoder().decode(Context.self, from: Data(contentsOf: folder.appendingPathComponent("context.json")))
    }

    func signer() throws -> SigV4Signer {
        let context = try context()
        let credentials = AWSCredentials(
            accessKeyID: context.credentials.access_key_id,
            secretAccessKey: context.credentials.secret_access_key,
            sessionToken: context.credentials.token
        )
        let options = SigV4Signer.Options(
            normalizesPath: context.normalize,
            encodesPath: true,
            addsContentSHA256Header: context.sign_body,
            signsSessionToken: !(context.omit_session_token ?? false)
        )
        return SigV4Signer(credentials: credentials, region: context.region, service: context.service, options: options)
    }

    func date() throws -> Instant {
        try Instant(iso8601: try context().timestamp)
    }

    /// `request.txt` split into the parts a signer sees, plus its raw head and body to rebuild the signed request.
    struct RawRequest {
        let method: String
        let path: String
        let query: String
        let headLines: [String]
        let body: String
        let headers: HTTPHeaders

        var signing: SigningRequest {
            SigningRequest(method: method, path: path, query: query, headers: headers, payload: .sha256(of: Array(body.utf8)))
        }

        /// The request as the suite prints a signed one: head lines, the added lines, a blank line, the body.
        func text(requestLine: String? = nil, adding added: HTTPHeaders = HTTPHeaders()) -> String {
            var lines = headLines
            if let requestLine { lines[0] = requestLine }
            lines += added.map { "\($0.name):\($0.value)" }
            return lines.joined(separator: "\n") + "\n\n" + body
        }
    }

    func request() throws -> RawRequest {
        let text = try file("request.txt")
        let head: Substring
        let body: Substring
        if let blank = text.range(of: "\n\n") {
            head = text[..<blank.lowerBound]
            body = text[blank.upperBound...]
        } else {
            head = text.hasSuffix("\n") ? text.dropLast() : text[...]
            body = ""
        }
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines[0]
        let firstSpace = requestLine.firstIndex(of: " ")!
        let target = requestLine[requestLine.index(after: firstSpace)..<requestLine.range(of: " HTTP/1.1", options: .backwards)!.lowerBound]
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var fields: [(String, String)] = []
        for line in lines.dropFirst() {
            if line.first == " " || line.first == "\t" {
                fields[fields.count - 1].1 += "\n" + line
            } else {
                let colon = line.firstIndex(of: ":")!
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return RawRequest(
            method: String(requestLine[..<firstSpace]),
            path: String(path[0]),
            query: path.count > 1 ? String(path[1]) : "",
            headLines: lines,
            body: String(body),
            headers: HTTPHeaders(fields)
        )
    }
}
