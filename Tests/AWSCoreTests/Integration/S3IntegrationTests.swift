@testable import AWSCore
import Foundation
import Testing

/// S3 against moto with signature checking on.
@Suite(.moto(authentication: true))
struct S3IntegrationTests {
    // moto re-encodes the path its own way before checking a signature, so a key with characters beyond
    // unreserved, space and `/` fails there for botocore too. Such keys are covered against botocore
    // itself (BotocoreOracleTests), with moto's signature checking off.
    @Test(arguments: ["reports/2026-11-25/check-0900.html", "reports/with space/daily report~v1.html", "a//b/./c"])
    func putThenGet(key: String) async throws {
        let moto = try Moto.require()
        let bucket = "reports-\(UUID().uuidString.prefix(8).lowercased())"
        try await moto.createBucket(bucket)
        let s3 = S3Client(client: moto.client(), configuration: try moto.configuration(.s3))
        let body = Array("<!doctype html><title>report \(key)</title>".utf8)
        let etag = try await s3.putObject(
            bucket: bucket, key: key, body: body, contentType: "text/html; charset=utf-8", serverSideEncryption: .aes256)
        #expect(etag != nil)
        let object = try await s3.getObject(bucket: bucket, key: key)
        #expect(object.body == body)
        #expect(object.contentType == "text/html; charset=utf-8")
        #expect(object.eTag == etag)
    }

    @Test func missingKeyIsResourceNotFound() async throws {
        let moto = try Moto.require()
        let bucket = "missing-\(UUID().uuidString.prefix(8).lowercased())"
        try await moto.createBucket(bucket)
        let s3 = S3Client(client: moto.client(), configuration: try moto.configuration(.s3))
        await #expect {
            try await s3.getObject(bucket: bucket, key: "nope")
        } throws: { error in
            (error as? AWSServiceError)?.code == "NoSuchKey"
        }
    }

    @Test func wrongSecretKeyIsASignatureError() async throws {
        let moto = try Moto.require()
        let wrong = AWSCredentials(accessKeyID: moto.server.accessKeyID, secretAccessKey: "not-the-secret")
        let s3 = S3Client(client: moto.client(credentials: wrong), configuration: try moto.configuration(.s3))
        await #expect {
            try await s3.putObject(bucket: "any-bucket", key: "k", body: [1])
        } throws: { error in
            (error as? AWSServiceError)?.isSignatureError == true
        }
    }
}
