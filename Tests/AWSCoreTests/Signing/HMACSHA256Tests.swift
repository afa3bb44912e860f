@testable import AWSCore
import Crypto
import Foundation
import Testing

@Suite struct HMACSHA256Tests {
    private func mac(_ message: [UInt8], key: [UInt8]) -> String {
        message.withUnsafeBytes { message in key.withUnsafeBytes { Hex.encode(HMACSHA256.authenticationCode(for: message, key: $0)) } }
    }

    /// RFC 4231 test cases 1, 2 and 6 (the last with a key longer than a block).
    @Test func rfc4231Vectors() {
        #expect(mac(Array("Hi There".utf8), key: Array(repeating: 0x0b, count: 20)) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(mac(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8)) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            mac(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), key: Array(repeating: 0xaa, count: 131))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func agreesWithSwiftCrypto() {
        var generator = SeededGenerator(seed: 4231)
        for _ in 0..<200 {
            let key = (0..<Int.random(in: 0...150, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let message = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)).map { String(format: "%02x", $0) }.joined()
            #expect(mac(message, key: key) == expected)
        }
    }
}

@Suite struct SigningKeyCacheTests {
    @Test func cachedKeysSignExactlyLikeFreshOnes() throws {
        let cache = SigningKeyCache()
        let request = SigningRequest(method: "GET", path: "/", headers: ["Host": "example.amazonaws.com"])
        for (offset, secret) in [(0.0, "one"), (86_400, "one"), (0, "two"), (3_600, "one")] {
            let date = Date(timeIntervalSince1970: 1_795_564_800 + offset)
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
