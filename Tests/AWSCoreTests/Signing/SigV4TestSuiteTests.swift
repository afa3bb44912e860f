import AWSCore
import Foundation
import Testing

/// AWS's SigV4 test suite, both variants of every case, compared byte for byte.
@Suite struct SigV4TestSuiteTests {
    @Test func suiteIsPresent() {
        #expect(SigV4SuiteCase.all.count >= 38)
    }

    @Test(arguments: SigV4SuiteCase.all)
    func headerSigning(_ testCase: SigV4SuiteCase) throws {
        let request = try testCase.request()
        let signed = try testCase.signer().sign(request.signing, at: testCase.date())
        #expect(signed.details.canonicalRequest == (try testCase.file("header-canonical-request.txt")))
        #expect(signed.details.stringToSign == (try testCase.file("header-string-to-sign.txt")))
        #expect(signed.details.signature == (try testCase.file("header-signature.txt")))
        #expect(request.text(adding: signed.headers) == (try testCase.file("header-signed-request.txt")))
    }

    @Test(arguments: SigV4SuiteCase.all)
    func querySigning(_ testCase: SigV4SuiteCase) throws {
        let request = try testCase.request()
        let presigned = try testCase.signer().presign(
            request.signing, expiresIn: try testCase.context().expiration_in_seconds, at: testCase.date())
        #expect(presigned.details.canonicalRequest == (try testCase.file("query-canonical-request.txt")))
        #expect(presigned.details.stringToSign == (try testCase.file("query-string-to-sign.txt")))
        #expect(presigned.details.signature == (try testCase.file("query-signature.txt")))

        // The suite lists X-Amz-SignedHeaders before X-Amz-Expires; botocore and AWS's S3 example put
        // Expires first, and that is the order we write. Parameter order carries no meaning, so the
        // signed request line is compared parameter by parameter; everything else byte for byte.
        let expected = try testCase.file("query-signed-request.txt")
        let requestLine = "\(request.method) \(request.path)?\(presigned.query) HTTP/1.1"
        let expectedLine = String(expected.prefix { $0 != "\n" })
        #expect(queryParameters(of: requestLine) == queryParameters(of: expectedLine))
        #expect(requestTarget(of: requestLine) == requestTarget(of: expectedLine))
        #expect(request.text(requestLine: expectedLine) == expected)
    }

    private func requestTarget(of line: String) -> Substring {
        line.prefix { $0 != "?" }
    }

    private func queryParameters(of line: String) -> [Substring] {
        guard let start = line.firstIndex(of: "?"), let end = line.range(of: " HTTP/1.1", options: .backwards) else { return [] }
        return line[line.index(after: start)..<end.lowerBound].split(separator: "&").sorted()
    }
}
