@testable import AWSCore
import Foundation
import HTTPCore
import TestSupport
import Testing

@Suite struct S3ClientTests {
    private func configuration(region: String = "ap-northeast-2", endpoint: String? = nil) throws -> AWSServiceConfiguration {
        let environment = ["AWS_REGION": region].merging(endpoint.map { ["AWS_ENDPOINT_URL_S3": $0] } ?? [:]) { $1 }
        return try AWSServiceConfiguration.resolve(.s3, environment: environment)
    }

    @Test func addressingMatchesBotocore() throws {
        let seoul = S3Addressing(configuration: try configuration())
        let virtual = seoul.location(bucket: "reports-bucket", key: "daily/2026 11/a+b.html")
        #expect(virtual.endpoint.origin == "https://reports-bucket.s3.ap-northeast-2.amazonaws.com")
        #expect(virtual.path == "/daily/2026%2011/a%2Bb.html")
        #expect(seoul.location(bucket: "my.dotted.bucket", key: "k").endpoint.origin == "https://s3.ap-northeast-2.amazonaws.com")
        #expect(seoul.location(bucket: "my.dotted.bucket", key: "k").path == "/my.dotted.bucket/k")
        #expect(seoul.location(bucket: "Upper", key: "k").path == "/Upper/k")

        let virginia = S3Addressing(configuration: try configuration(region: "us-east-1"))
        #expect(virginia.location(bucket: "examplebucket", key: "test.txt").endpoint.origin == "https://examplebucket.s3.amazonaws.com")

        let local = S3Addressing(configuration: try configuration(endpoint: "http://127.0.0.1:5000"))
        let path = local.location(bucket: "reports-bucket", key: "a/b c")
        #expect(path.endpoint.origin == "http://127.0.0.1:5000")
        #expect(path.path == "/reports-bucket/a/b%20c")
    }

    @Test func putObjectSendsContentTypeEncryptionAndPayloadHash() async throws {
        let transport = ScriptedTransport([.status(200, headers: [("ETag", "\"abc\"")])])
        let s3 = S3Client(client: TestClients.awsClient(transport), configuration: try configuration(endpoint: "http://127.0.0.1:5000"))
        let etag = try await s3.putObject(
            bucket: "b-1", key: "r/1.html", body: Array("<p>".utf8), contentType: "text/html; charset=utf-8",
            serverSideEncryption: .kms(keyID: "alias/reports"))
        #expect(etag == "\"abc\"")
        let request = try #require(transport.requests.first)
        #expect(request.method == .PUT)
        #expect(request.url == "http://127.0.0.1:5000/b-1/r/1.html")
        #expect(request.headers.first(name: "Content-Type") == "text/html; charset=utf-8")
        #expect(request.headers.first(name: "x-amz-server-side-encryption") == "aws:kms")
        #expect(request.headers.first(name: "x-amz-server-side-encryption-aws-kms-key-id") == "alias/reports")
        #expect(request.headers.first(name: "x-amz-content-sha256") == PayloadHash.sha256(of: Array("<p>".utf8)).value)
        let authorization = try #require(request.headers.first(name: "Authorization"))
        #expect(authorization.contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-server-side-encryption;x-amz-server-side-encryption-aws-kms-key-id"))
    }

    @Test func presignedURLExpiresWithItsCredentials() async throws {
        let s3 = S3Client(client: TestClients.awsClient(ScriptedTransport()), configuration: try configuration())
        let date = TestClients.fixedDate
        let shortLived = AWSCredentials(accessKeyID: "ASIA", secretAccessKey: "s", sessionToken: "t", expiration: date.adding(seconds: 600))
        let url = try await s3.presignedGetURL(bucket: "reports-bucket", key: "k", expiresIn: 3600, credentials: shortLived)
        #expect(url.expiresAt == date.adding(seconds: 600))
        #expect(!url.mayExpireEarlier, "the credentials' expiry is known and already applied")
        #expect(url.url.hasPrefix("https://reports-bucket.s3.ap-northeast-2.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA%2F20251124"))
        #expect(url.url.contains("&X-Amz-Security-Token=t&X-Amz-Signature="))
        #expect(!url.description.contains("Signature"))
        await #expect(throws: SigV4Error.self) { try await s3.presignedGetURL(bucket: "b-1", key: "k", expiresIn: 604_801) }
    }

    /// Lambda hands a function a session token without its expiry: the URL's end is only an upper bound.
    @Test func temporaryCredentialsOfUnknownLifetimeMayEndTheURLEarlier() async throws {
        let s3 = S3Client(client: TestClients.awsClient(ScriptedTransport()), configuration: try configuration())
        let date = TestClients.fixedDate
        let role = AWSCredentials(accessKeyID: "ASIA", secretAccessKey: "s", sessionToken: "t")
        let roleURL = try await s3.presignedGetURL(bucket: "reports-bucket", key: "k", expiresIn: 3600, credentials: role, at: date)
        #expect(roleURL.expiresAt == date.adding(seconds: 3600))
        #expect(roleURL.mayExpireEarlier)
        #expect(roleURL.description.contains("at the latest"))
        let dedicated = AWSCredentials(accessKeyID: "AKIA", secretAccessKey: "s")
        let dedicatedURL = try await s3.presignedGetURL(bucket: "reports-bucket", key: "k", expiresIn: 3600, credentials: dedicated, at: date)
        #expect(dedicatedURL.expiresAt == date.adding(seconds: 3600))
        #expect(!dedicatedURL.mayExpireEarlier, "a long-lived key signs for the whole lifetime")
        #expect(dedicatedURL.url.contains("X-Amz-Credential=AKIA%2F") && !dedicatedURL.url.contains("X-Amz-Security-Token"))
    }
}
