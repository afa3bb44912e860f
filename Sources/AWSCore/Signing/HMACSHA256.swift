/// HMAC-SHA256 (RFC 2104) on our SHA-256. The key pads live in one stack block reused for both passes;
/// SigV4 needs five MACs per request, so the MAC stays free of allocation.
enum HMACSHA256 {
    private static let blockSize = 64

    static func authenticationCode(for message: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer) -> SHA256.Digest {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: blockSize) { pad in
            pad.initialize(repeating: 0)
            if key.count > blockSize {
                SHA256.hash(key).withUnsafeBytes { digest in _ = pad.initialize(from: digest) }
            } else {
                _ = pad.initialize(from: key)
            }
            for index in 0..<blockSize { pad[index] ^= 0x36 }
            var inner = SHA256()
            inner.update(UnsafeRawBufferPointer(pad))
            inner.update(message)
            let innerDigest = inner.finalize()

            for index in 0..<blockSize { pad[index] ^= 0x36 ^ 0x5C }
            var outer = SHA256()
            outer.update(UnsafeRawBufferPointer(pad))
            innerDigest.withUnsafeBytes { outer.update($0) }
            return outer.finalize()
        }
    }

    static func authenticationCode(for message: String, key: UnsafeRawBufferPointer) -> SHA256.Digest {
        var message = message
        return message.withUTF8 { authenticationCode(for: UnsafeRawBufferPointer($0), key: key) }
    }

    static func authenticationCode(for message: String, key: SHA256.Digest) -> SHA256.Digest {
        key.withUnsafeBytes { authenticationCode(for: message, key: $0) }
    }

    static func authenticationCode(for message: String, key: [UInt8]) -> SHA256.Digest {
        key.withUnsafeBytes { authenticationCode(for: message, key: $0) }
    }
}
