@testable import AWSCore
import Foundation
import HTTPCore
import CivilTime
import Testing
import TestSupport

/// Our S3 signing against botocore's for the same inputs and a frozen clock: pre-signed GET URLs
/// (`generate_presigned_url`) and header-signed GETs, byte for byte, over many awkward keys and several
/// configurations. Then every pre-signed URL is fetched from moto (auth off: moto cannot verify query signatures).
@Suite(.moto(authentication: false))
struct BotocoreOracleTests {
    struct Variant {
        let region: String
        let usesLocalEndpoint: Bool
        let sessionToken: String?
        let expires: Int
    }

    struct OracleCase: Encodable {
        let region: String
        let endpoint_url: String?
        let addressing_style: String
        let bucket: String
        let key: String
        let expires: Int
        let access_key: String
        let secret_key: String
        let session_token: String?
        let timestamp: Int
    }

    struct OracleAnswer: Decodable {
        let url: String
        let authorization: String
    }

    static let bucket = "opsdaily-reports"
    static let timestamp = 1_795_564_800  // 2026-11-25T00:00:00Z
    static let variants = [
        Variant(region: "us-east-1", usesLocalEndpoint: false, sessionToken: nil, expires: 3600),
        Variant(region: "ap-northeast-2", usesLocalEndpoint: false, sessionToken: "FwoGZXIvYXdzE+/token==", expires: 604_800),
        Variant(region: "eu-west-1", usesLocalEndpoint: true, sessionToken: nil, expires: 43_200),
        Variant(region: "ap-northeast-2", usesLocalEndpoint: true, sessionToken: "IQoJb3JpZ2luX2Vj/session+token", expires: 1),
    ]

    /// The keys of the fixture file, plus keys drawn from a seeded generator.
    static var keys: [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/presign-keys.txt")
        let listed = ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        var generator = SeededRandom(seed: 20_261_125)
        let pieces = ["a", "Z", "9", "-", "_", ".", "~", " ", "+", "=", "/", "!", "'", "(", ")", "*", "%", "한", "국", "é", "😀", "&", "?", "#", ":", "@"]
        let generated = (0..<30).map { _ in
            String((0..<Int.random(in: 1...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return listed + generated
    }

    private func configuration(_ variant: Variant, moto: Moto) throws -> AWSServiceConfiguration {
        var environment = ["AWS_REGION": variant.region]
        if variant.usesLocalEndpoint { environment["AWS_ENDPOINT_URL_S3"] = moto.server.endpoint }
        return try AWSServiceConfiguration.resolve(.s3, environment: environment)
    }

    @Test func signaturesMatchBotocoreByteForByte() async throws {
        let moto = try Moto.require()
        let keys = Self.keys
        #expect(keys.count >= 50)
        let date = Instant(epochSeconds: Int64(Self.timestamp))
        var cases: [OracleCase] = []
        var ours: [(url: String, authorization: String)] = []
        for variant in Self.variants {
            let credentials = AWSCredentials(
                accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                sessionToken: variant.sessionToken)
            let configuration = try configuration(variant, moto: moto)
            let s3 = S3Client(client: moto.client(credentials: credentials), configuration: configuration)
            let addressing = S3Addressing(configuration: configuration)
            for key in keys {
                cases.append(
                    OracleCase(
                        region: variant.region, endpoint_url: variant.usesLocalEndpoint ? moto.server.endpoint : nil,
                        addressing_style: variant.usesLocalEndpoint ? "path" : "virtual", bucket: Self.bucket, key: key,
                        expires: variant.expires, access_key: credentials.accessKeyID, secret_key: credentials.secretAccessKey,
                        session_token: credentials.sessionToken, timestamp: Self.timestamp))
                let url = try await s3.presignedGetURL(bucket: Self.bucket, key: key, expiresIn: variant.expires, at: date)
                let (endpoint, path) = addressing.location(bucket: Self.bucket, key: key)
                let signer = SigV4Signer(credentials: credentials, region: variant.region, service: "s3", options: .s3)
                let signed = signer.sign(
                    SigningRequest(method: "GET", path: endpoint.basePath + path, headers: ["Host": endpoint.hostHeader]), at: date)
                ours.append((url.url, try #require(signed.headers.first(name: "Authorization"))))
            }
        }
        let answers = try Self.runOracle(cases)
        try #require(answers.count == cases.count)
        var matchingURLs = 0
        var matchingHeaders = 0
        for (index, answer) in answers.enumerated() {
            #expect(ours[index].url == answer.url, "key \(cases[index].key) in \(cases[index].region)")
            #expect(ours[index].authorization == answer.authorization, "key \(cases[index].key) in \(cases[index].region)")
            if ours[index].url == answer.url { matchingURLs += 1 }
            if ours[index].authorization == answer.authorization { matchingHeaders += 1 }
        }
        print("botocore oracle: \(matchingURLs)/\(cases.count) pre-signed URLs and \(matchingHeaders)/\(cases.count) header signatures identical (\(keys.count) keys × \(Self.variants.count) configurations)")
    }

    @Test func presignedURLsAreFetchableFromMoto() async throws {
        let moto = try Moto.require()
        try await moto.createBucket(Self.bucket)
        let s3 = S3Client(client: moto.client(), configuration: try moto.configuration(.s3))
        let fetcher = moto.transport
        var fetched = 0
        for (index, key) in Self.keys.enumerated() {
            let body = Array("object \(index): \(key)".utf8)
            try await s3.putObject(bucket: Self.bucket, key: key, body: body, contentType: "text/plain")
            let url = try await s3.presignedGetURL(bucket: Self.bucket, key: key, expiresIn: 600)
            let response = try await fetcher.send(HTTPRequest(method: .GET, url: url.url, timeout: .seconds(10)))
            #expect(response.status == 200, "key \(key): HTTP \(response.status) \(String(decoding: response.body, as: UTF8.self))")
            #expect(response.body == body, "key \(key)")
            if response.status == 200 && response.body == body { fetched += 1 }
        }
        print("moto: \(fetched)/\(Self.keys.count) pre-signed URLs fetched with the stored body")
    }

    static func runOracle(_ cases: [OracleCase]) throws -> [OracleAnswer] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("botocore-oracle-\(UUID().uuidString).json")
        try JSONEncoder().encode(cases).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let data = try PythonScript.run("Tests/AWSCoreTests/Fixtures/botocore_signing_oracle.py", arguments: [input.path])
        return try JSONDecoder().decode([OracleAnswer].self, from: data)
    }
}
