import CSHA256

/// SHA-256 (FIPS 180-4 §6.2), ours because swift-crypto imports all of Foundation on Linux and so drags
/// ICU (~46 MB) into every static function binary (SPEC §2). SigV4 hashes a body, a canonical request and
/// ten HMAC blocks per signature, so the compression loop is written for speed: raw big-endian loads, the
/// message schedule on the stack, no allocation per block.
public struct SHA256: Sendable {
    public static let byteCount = 32
    public static let blockByteCount = 64

    @usableFromInline typealias Words = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    @usableFromInline var state: Words
    /// A partial block waiting for more input; eight words so it is 64 bytes inline, never on the heap.
    @usableFromInline var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    @usableFromInline var pendingCount: Int
    @usableFromInline var totalByteCount: UInt64

    /// §5.3.3: the first 32 bits of the fractional parts of the square roots of the first eight primes.
    public init() {
        state = (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
        pending = (0, 0, 0, 0, 0, 0, 0, 0)
        pendingCount = 0
        totalByteCount = 0
    }

    /// The digest of `bytes` in one call.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    @inlinable
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        // Arrays, Data, String.UTF8View and slices hand over their storage; only odd sequences get copied.
        let handled: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if handled == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        totalByteCount &+= UInt64(remaining)

        if pendingCount > 0 {
            let taken = min(remaining, Self.blockByteCount - pendingCount)
            let filled = pendingCount
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: filled).copyMemory(from: input, byteCount: taken) }
            pendingCount += taken
            input += taken
            remaining -= taken
            guard pendingCount == Self.blockByteCount else { return }
            compressPending()
            pendingCount = 0
        }

        let fullBlocks = remaining / Self.blockByteCount
        if fullBlocks > 0 {
            Self.compress(&state, blocks: input, count: fullBlocks)
            input += fullBlocks * Self.blockByteCount
            remaining -= fullBlocks * Self.blockByteCount
        }

        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: input, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    /// §5.1.1 padding: a 1 bit, zeros, then the message length in bits as a 64-bit big-endian number.
    public consuming func finalize() -> Digest {
        let bitLength = totalByteCount &* 8
        let used = pendingCount
        withUnsafeMutableBytes(of: &pending) { block in
            block[used] = 0x80
            for index in (used + 1)..<Self.blockByteCount { block[index] = 0 }
        }
        if used + 1 > Self.blockByteCount - 8 {
            compressPending()
            pending = (0, 0, 0, 0, 0, 0, 0, 0)
        }
        pending.7 = bitLength.bigEndian
        compressPending()
        let words = state
        return Digest(bigEndianWords: (
            words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian,
            words.4.bigEndian, words.5.bigEndian, words.6.bigEndian, words.7.bigEndian))
    }

    private mutating func compressPending() {
        var block = pending
        withUnsafeBytes(of: &block) { Self.compress(&state, blocks: $0.baseAddress!, count: 1) }
    }

    /// Read once: the CPU does not change under a running function.
    private static let hasSHAExtensions = csha256_has_sha_extensions() != 0

    /// §6.2.2 over `count` consecutive 64-byte blocks: on the CPU's SHA instructions where it has them (a
    /// block in a fraction of the time; with the Swift loop alone header signing stays near 9x botocore,
    /// under the 10x target), else in Swift.
    static func compress(_ state: inout Words, blocks: UnsafeRawPointer, count: Int) {
        if hasSHAExtensions {
            roundConstants.withUnsafeBufferPointer { constants in
                withUnsafeMutableBytes(of: &state) { words in
                    csha256_compress_sha_extensions(
                        words.baseAddress!.assumingMemoryBound(to: UInt32.self), blocks.assumingMemoryBound(to: UInt8.self),
                        count, constants.baseAddress!)
                }
            }
            return
        }
        compressPortably(&state, blocks: blocks, count: count)
    }

    static func compressPortably(_ state: inout Words, blocks: UnsafeRawPointer, count: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            roundConstants.withUnsafeBufferPointer { constants in
                let w = schedule.baseAddress!
                let k = constants.baseAddress!
                var (h0, h1, h2, h3, h4, h5, h6, h7) = state
                var block = blocks
                for _ in 0..<count {
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t &- 15]
                        let y = w[t &- 2]
                        let sigma0 = rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
                        let sigma1 = rotr(y, 17) ^ rotr(y, 19) ^ (y &>> 10)
                        w[t] = sigma1 &+ w[t &- 7] &+ sigma0 &+ w[t &- 16]
                    }

                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    // Eight rounds per pass with the roles of the working variables rotated through the
                    // arguments, so the round never shuffles eight registers.
                    var t = 0
                    while t < 64 {
                        round(a, b, c, &d, e, f, g, &h, t, w, k)
                        round(h, a, b, &c, d, e, f, &g, t &+ 1, w, k)
                        round(g, h, a, &b, c, d, e, &f, t &+ 2, w, k)
                        round(f, g, h, &a, b, c, d, &e, t &+ 3, w, k)
                        round(e, f, g, &h, a, b, c, &d, t &+ 4, w, k)
                        round(d, e, f, &g, h, a, b, &c, t &+ 5, w, k)
                        round(c, d, e, &f, g, h, a, &b, t &+ 6, w, k)
                        round(b, c, d, &e, f, g, h, &a, t &+ 7, w, k)
                        t &+= 8
                    }

                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    block += blockByteCount
            }
            state = (h0, h1, h2, h3, h4, h5, h6, h7)
            }
        }
    }

    /// One round of §6.2.2 step 3: `d` becomes the next `e` and `h` the next `a`.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ t: Int, _ w: UnsafeMutablePointer<UInt32>, _ k: UnsafePointer<UInt32>
    ) {
        // Ch and Maj of §4.1.2 in their equivalent forms with fewer operations.
        let choose = g ^ (e & (f ^ g))
        let majority = (a & b) | (c & (a | b))
        let bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let t1 = h &+ bigSigma1 &+ choose &+ k[t] &+ w[t]
        d &+= t1
        h = t1 &+ bigSigma0 &+ majority
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    /// §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5,
        0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3,
        0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc,
        0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
        0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13,
        0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3,
        0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5,
        0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208,
        0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}

extension SHA256 {
    /// 32 bytes held inline, so passing a digest around (HMAC keys, SigV4's derived keys) never allocates.
    public struct Digest: Sendable, Hashable {
        /// The hash words already in big-endian byte order, so their memory is the digest's byte string.
        @usableFromInline let words: SHA256.Words

        @usableFromInline init(bigEndianWords: SHA256.Words) {
            words = bigEndianWords
        }

        public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
            try Swift.withUnsafeBytes(of: words, body)
        }

        public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

        /// Lower-case hex, the form SigV4 and our fallback alert ids use.
        public var hex: String { withUnsafeBytes { Hex.encode($0) } }

        public static func == (lhs: Digest, rhs: Digest) -> Bool {
            lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in left.elementsEqual(right) } }
        }

        public func hash(into hasher: inout Hasher) {
            withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
