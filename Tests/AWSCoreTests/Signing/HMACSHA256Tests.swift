@testable import AWSCore
import Foundation
import CivilTime
import Testing
import TestSupport

@Suite struct HMACSHA256Tests {
    private func mac(_ message: [UInt8], key: [UInt8]) -> String {
        message.withUnsafeBytes { message in key.withUnsafeBytes { HMACSHA256.authenticationCode(for: message, key: $0).hex } }
    }

    /// RFC 4231 test cases 1, 2, 3, 4, 6 and 7 (6 and 7 with a key longer than a block; 5 is truncated output).
    @Test func rfc4231Vectors() {
        #expect(mac(Array("Hi There".utf8), key: Array(repeating: 0x0b, count: 20)) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(mac(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8)) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            mac(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), key: Array(repeating: 0xaa, count: 131))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        #expect(mac(Array(repeating: 0xdd, count: 50), key: Array(repeating: 0xaa, count: 20)) == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
        #expect(mac(Array(repeating: 0xcd, count: 50), key: Array(1...25)) == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
        let longData = "This is a test using a larger than block-size key and a larger than block-size data."
            + " The key needs to be hashed before being used by the HMAC algorithm."
        #expect(mac(Array(longData.utf8), key: Array(repeating: 0xaa, count: 131)) == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    @Test func agreesWithPythonHMAC() throws {
        var generator = SeededRandom(seed: 4231)
        let cases = (0..<200).map { _ in
            [
                SHA256Tests.randomBytes(count: Int.random(in: 0...150, using: &generator), using: &generator),
                SHA256Tests.randomBytes(count: Int.random(in: 0...300, using: &generator), using: &generator),
            ]
        }
        let expected = try HashlibOracle.digests(.hmac, records: cases)
        #expect(expected.count == cases.count)
        for (keyAndMessage, digest) in zip(cases, expected) {
            #expect(mac(keyAndMessage[1], key: keyAndMessage[0]) == digest)
        }
    }
}

@Suite struct SigningKeyCacheTests {
    @Test func cachedKeysSignExactlyLikeFreshOnes() throws {
        let cache = SigningKeyCache()
        let request = SigningRequest(method: "GET", path: "/", headers: ["Host": "example.amazonaws.com"])
        for (offset, secret) in [(Int64(0), "one"), (86_400, "one"), (0, "two"), (3_600, "one")] {
            let date = Instant(epochSeconds: 1_795_564_800 + offset)
            let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: secret)
            let fresh = SigV4Signer(credentials: credentials, region: "ap-northeast-2", service: "dynamodb")
            var cached = fresh
            cached.keyCache = cache
            for _ in 0..<2 {
                #expect(cached.sign(request, at: date).details.signature == fresh.sign(request, at: date).details.signature)
            }
        }
    }
}
