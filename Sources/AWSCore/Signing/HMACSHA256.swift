/// HMAC-SHA256 (RFC 2104) on our SHA-256, allocation-free: SigV4 needs five MACs per request.
enum HMACSHA256 {
    private static let blockSize = 64

    /// A key with its two pad blocks already absorbed. The pads are a whole block each, so a key used
    /// more than once (SigV4's cached signing key) saves two of the compressions every MAC would run.
    struct Key: Sendable {
        private let inner: SHA256
        private let outer: SHA256

        init(_ key: UnsafeRawBufferPointer) {
            (inner, outer) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: HMACSHA256.blockSize) { pad in
                pad.initialize(repeating: 0)
                if key.count > HMACSHA256.blockSize {
                    SHA256.hash(key).withUnsafeBytes { digest in _ = pad.initialize(from: digest) }
                } else {
                    _ = pad.initialize(from: key)
                }
                for index in 0..<HMACSHA256.blockSize { pad[index] ^= 0x36 }
                var inner = SHA256()
                inner.update(UnsafeRawBufferPointer(pad))
                for index in 0..<HMACSHA256.blockSize { pad[index] ^= 0x36 ^ 0x5C }
                var outer = SHA256()
                outer.update(UnsafeRawBufferPointer(pad))
                return (inner, outer)
            }
        }

        init(_ key: SHA256.Digest) {
            self = key.withUnsafeBytes { Key($0) }
        }

        func authenticationCode(for message: UnsafeRawBufferPointer) -> SHA256.Digest {
            var inner = inner
            inner.update(message)
            let innerDigest = inner.finalize()
            var outer = outer
            innerDigest.withUnsafeBytes { outer.update($0) }
            return outer.finalize()
        }

        func authenticationCode(for message: String) -> SHA256.Digest {
            var message = message
            return message.withUTF8 { authenticationCode(for: UnsafeRawBufferPointer($0)) }
        }
    }

    static func authenticationCode(for message: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer) -> SHA256.Digest {
        Key(key).authenticationCode(for: message)
    }

    static func authenticationCode(for message: String, key: UnsafeRawBufferPointer) -> SHA256.Digest {
        Key(key).authenticationCode(for: message)
    }

    static func authenticationCode(for message: String, key: SHA256.Digest) -> SHA256.Digest {
        Key(key).authenticationCode(for: message)
    }
}
