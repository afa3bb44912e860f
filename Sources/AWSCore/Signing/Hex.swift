/// Lower-case base-16, the only form SigV4 accepts for hashes and signatures.
enum Hex {
    private static let digits: StaticString = "0123456789abcdef"

    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let input = Array(bytes)
        return String(unsafeUninitializedCapacity: input.count * 2) { output in
            digits.withUTF8Buffer { digits in
                var index = 0
                for byte in input {
                    output[index] = digits[Int(byte >> 4)]
                    output[index + 1] = digits[Int(byte & 0x0F)]
                    index += 2
                }
            }
            return input.count * 2
        }
    }
}
