@testable import AWSCore
import Foundation
import Testing
import TestSupport

@Suite struct SHA256Tests {
    /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func nistVectors(message: String, expected: String) {
        #expect(SHA256.hash(message.utf8).hex == expected)
        #expect(SHA256.hash(Array(message.utf8)).hex == expected)
    }

    @Test func oneMillionAs() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hex == expected)
        // The same million fed in uneven pieces, so every pending-block path is crossed.
        var hasher = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 997)
        var fed = 0
        while fed < 1_000_000 {
            let count = min(piece.count - fed % 13, 1_000_000 - fed)
            hasher.update(piece[..<count])
            fed += count
        }
        #expect(hasher.finalize().hex == expected)
    }

    /// Every length across the padding boundaries (55, 56, 63, 64 bytes and their multiples) up to 1000.
    @Test func everyLengthUpTo1000AgreesWithHashlib() throws {
        var generator = SeededRandom(seed: 180_4)
        let messages = (0...1000).map { Self.randomBytes(count: $0, using: &generator) }
        let expected = try HashlibOracle.digests(.sha256, records: messages.map { [$0] })
        #expect(expected.count == messages.count)
        for (message, digest) in zip(messages, expected) {
            #expect(SHA256.hash(message).hex == digest, "length \(message.count)")
            #expect(Self.hashInPieces(message, using: &generator) == digest, "length \(message.count), in pieces")
        }
    }

    @Test func randomInputsUpTo100KBAgreeWithHashlib() throws {
        var generator = SeededRandom(seed: 256)
        let messages = (0..<40).map { _ in Self.randomBytes(count: Int.random(in: 0...100_000, using: &generator), using: &generator) }
        let expected = try HashlibOracle.digests(.sha256, records: messages.map { [$0] })
        #expect(expected.count == messages.count)
        for (message, digest) in zip(messages, expected) {
            #expect(SHA256.hash(message).hex == digest, "length \(message.count)")
            #expect(Self.hashInPieces(message, using: &generator) == digest, "length \(message.count), in pieces")
        }
    }

    /// On a CPU with SHA instructions the oracle tests above only reach those; this keeps the Swift
    /// compression, which every other CPU runs, checked against them here too.
    @Test func portableCompressionAgreesWithTheDefault() {
        var generator = SeededRandom(seed: 64)
        for count in [1, 2, 3, 17] {
            let blocks = Self.randomBytes(count: count * SHA256.blockByteCount, using: &generator)
            var portable = SHA256().state
            var chosen = portable
            blocks.withUnsafeBytes { blocks in
                SHA256.compressPortably(&portable, blocks: blocks.baseAddress!, count: count)
                SHA256.compress(&chosen, blocks: blocks.baseAddress!, count: count)
            }
            #expect(SHA256.Digest(bigEndianWords: portable) == SHA256.Digest(bigEndianWords: chosen), "\(count) blocks")
        }
    }

    @Test func nonContiguousSequencesAreCopied() {
        let message = "abc".utf8.lazy.map { $0 }
        #expect(SHA256.hash(message).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func digestsCompareByValue() {
        #expect(SHA256.hash("abc".utf8) == SHA256.hash(Array("abc".utf8)))
        #expect(SHA256.hash("abc".utf8) != SHA256.hash("abd".utf8))
        #expect(Set([SHA256.hash("abc".utf8), SHA256.hash("abc".utf8)]).count == 1)
        #expect(SHA256.hash("".utf8).bytes.count == SHA256.byteCount)
    }

    static func randomBytes(count: Int, using generator: inout SeededRandom) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    private static func hashInPieces(_ message: [UInt8], using generator: inout SeededRandom) -> String {
        var hasher = SHA256()
        var start = 0
        while start < message.count {
            let end = min(message.count, start + Int.random(in: 0...150, using: &generator))
            message[start..<end].withUnsafeBytes { hasher.update($0) }
            start = end
        }
        return hasher.finalize().hex
    }
}

/// Python's hashlib and hmac as the oracle (`Fixtures/hashlib_oracle.py`).
enum HashlibOracle {
    enum Mode: String { case sha256, hmac }

    /// One hex digest per record; a record is the message for `.sha256`, the key and the message for `.hmac`.
    static func digests(_ mode: Mode, records: [[[UInt8]]]) throws -> [String] {
        var input: [UInt8] = []
        for field in records.joined() {
            withUnsafeBytes(of: UInt32(field.count).bigEndian) { input.append(contentsOf: $0) }
            input.append(contentsOf: field)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hashlib-oracle-\(UUID().uuidString)")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try PythonScript.run("Tests/AWSCoreTests/Fixtures/hashlib_oracle.py", arguments: [mode.rawValue, file.path])
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
