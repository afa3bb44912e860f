import HTTPCore
import Testing

/// RFC 4648 §10's vectors both ways, and the texts a strict decoder must refuse.
@Suite struct Base64Tests {
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test func theRFCVectorsEncodeAndDecode() {
        for (plain, encoded) in Self.vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test func everyByteValueRoundTrips() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        for length in [0, 1, 2, 3, 254, 255, 256, 1000] {
            let slice = Array(bytes.prefix(length))
            #expect(Base64.decode(Base64.encode(slice)) == slice)
        }
        #expect(Base64.encode([0xFB, 0xFF]) == "+/8=")
    }

    @Test func nonCanonicalTextIsRefused() {
        for text in ["Zg", "Zg=", "Zg===", "Z===", "Zh==", "Zm9=", "Zm9v\n", "Zm9v\r\n", " Zm9v", "Zm9v YmFy", "Zm-v", "Zm_v", "=Zm9", "Zg==Zg==", "Zm9vYg=\u{0}"] {
            #expect(Base64.decode(text) == nil, "\(text.debugDescription)")
        }
    }
}
