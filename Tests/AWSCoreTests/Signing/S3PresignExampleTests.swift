import AWSCore
import Foundation
import NIOHTTP1
import CivilTime
import Testing

/// AWS's published pre-signed GET example ("Authenticating Requests: Using Query Parameters", S3 API reference).
@Suite struct S3PresignExampleTests {
    let signer = SigV4Signer(
        credentials: AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1",
        service: "s3",
        options: .s3
    )
    let request = SigningRequest(
        method: "GET", path: "/test.txt", headers: ["Host": "examplebucket.s3.amazonaws.com"], payload: .unsigned)
    let date = Instant(epochSeconds: 1_369_353_600)  // 2013-05-24T00:00:00Z

    @Test func matchesThePublishedURL() throws {
        let presigned = try signer.presign(request, expiresIn: 86_400, at: date)
        #expect(
            presigned.details.canonicalRequest == """
                GET
                /test.txt
                X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host
                host:examplebucket.s3.amazonaws.com

                host
                UNSIGNED-PAYLOAD
                """)
        #expect(
            presigned.details.stringToSign == """
                AWS4-HMAC-SHA256
                20130524T000000Z
                20130524/us-east-1/s3/aws4_request
                3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04
                """)
        #expect(presigned.details.signature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(
            "https://examplebucket.s3.amazonaws.com/test.txt?" + presigned.query
                == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        )
    }

    @Test func expiryIsBoundedBySevenDays() throws {
        #expect(throws: Never.self) { try signer.presign(request, expiresIn: 604_800, at: date) }
        #expect(throws: SigV4Error.expiryOutOfRange(seconds: 604_801, maximum: 604_800)) {
            try signer.presign(request, expiresIn: 604_801, at: date)
        }
        #expect(throws: SigV4Error.self) { try signer.presign(request, expiresIn: 0, at: date) }
    }
}
