/// RFC 3986 percent-encoding as SigV4 defines it: every byte except the unreserved characters
/// `A-Z a-z 0-9 - . _ ~` becomes `%XY` with upper-case hex. Also what botocore's `quote(…, safe='/~')` produces.
public enum URIEncoding {
    /// Encodes a query name or value, or a single path segment (`/` is encoded).
    public static func encode(_ text: some StringProtocol) -> String {
        encode(text, keepingSlash: false)
    }

    /// Encodes a path, leaving `/` as the separator it is (S3 object keys).
    public static func encodePath(_ text: some StringProtocol) -> String {
        encode(text, keepingSlash: true)
    }

    /// Percent-decodes `text`; a `%` not followed by two hex digits is kept as it is.
    /// `+` stays `+`: AWS query strings are not form-encoded.
    public static func decode(_ text: some StringProtocol) -> String {
        let utf8 = Array(text.utf8)
        guard utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static let upperHex: StaticString = "0123456789ABCDEF"

    private static func encode(_ text: some StringProtocol, keepingSlash: Bool) -> String {
        func isKept(_ byte: UInt8) -> Bool {
            isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/"))
        }
        let utf8 = text.utf8
        guard !utf8.allSatisfy(isKept) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count * 3)
        upperHex.withUTF8Buffer { hex in
            for byte in utf8 {
                if isKept(byte) {
                    bytes.append(byte)
                } else {
                    bytes.append(UInt8(ascii: "%"))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0x0F)])
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
