/// Lower-case base-16, the only form SigV4 accepts for hashes and signatures.
enum Hex {
    private static let digits: StaticString = "0123456789abcdef"

    static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { output in
            digits.withUTF8Buffer { digits in
                var index = 0
                for byte in bytes {
                    output[index] = digits[Int(byte >> 4)]
                    output[index + 1] = digits[Int(byte & 0x0F)]
                    index += 2
                }
            }
            return bytes.count * 2
        }
    }

    /// Appends in place, for text built as bytes (SigV4's string to sign).
    static func append(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        digits.withUTF8Buffer { digits in
            for byte in bytes {
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
        }
    }

    /// The hex SHA-256 of `bytes`: payload hashes and the canonical request's hash.
    static func sha256(of bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { SHA256.hash($0).hex }
    }
}
