import HTTPCore
import NIOHTTP1

/// The canonical form of a request (SigV4 task 1), built as UTF-8 bytes because their hash is what gets signed.
struct CanonicalRequest {
    let bytes: [UInt8]
    /// `host;x-amz-date`: the lower-cased names of the signed headers, sorted.
    let signedHeaders: String

    init(method: String, uri: String, query: String, headers: [(name: String, value: String)], payload: PayloadHash) {
        let names = LowercasedNames(headers)
        var valueByteCount = 0
        for header in headers { valueByteCount &+= header.value.utf8.count }
        // Everything goes straight into one buffer sized up front: this runs on every request, and a String
        // per header or per line costs more than the hashing of it.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(
            method.utf8.count + uri.utf8.count + query.utf8.count + 2 * names.byteCount + valueByteCount
                + 3 * headers.count + payload.value.utf8.count + 8)
        bytes.append(contentsOf: method.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: uri.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: query.utf8)
        bytes.append(UInt8(ascii: "\n"))
        let signedStart = names.withNames { names in
            let order = names.sortedOrder()
            for (position, index) in order.enumerated() {
                if position > 0 && names.areEqual(order[position - 1], index) {
                    bytes.append(UInt8(ascii: ","))
                } else {
                    if position > 0 { bytes.append(UInt8(ascii: "\n")) }
                    bytes.append(contentsOf: names[index])
                    bytes.append(UInt8(ascii: ":"))
                }
                Self.appendTrimmed(headers[index].value, to: &bytes)
            }
            if !headers.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            bytes.append(UInt8(ascii: "\n"))
            let signedStart = bytes.count
            names.appendSignedHeaders(order, to: &bytes)
            return signedStart
        }
        signedHeaders = String(decoding: bytes[signedStart...], as: UTF8.self)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: payload.value.utf8)
        self.bytes = bytes
    }

    /// The lower-cased header names side by side in one buffer.
    private struct LowercasedNames {
        private var bytes: [UInt8] = []
        private var ranges: [Range<Int>] = []

        var byteCount: Int { bytes.count }

        init(_ headers: [(name: String, value: String)]) {
            var total = 0
            for header in headers { total &+= header.name.utf8.count }
            bytes.reserveCapacity(total)
            ranges.reserveCapacity(headers.count)
            for header in headers {
                let start = bytes.count
                let utf8 = header.name.utf8
                // Header names are ASCII: lower-cased byte by byte rather than through Unicode case mapping.
                if utf8.allSatisfy({ $0 < 0x80 }) {
                    for byte in utf8 { bytes.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte) }
                } else {
                    bytes.append(contentsOf: header.name.lowercased().utf8)
                }
                ranges.append(start..<bytes.count)
            }
        }

        /// Sorting and copying then work on raw bytes: slices of the arrays would retain them at every step.
        func withNames<Result>(_ body: (Names) -> Result) -> Result {
            bytes.withUnsafeBufferPointer { bytes in
                ranges.withUnsafeBufferPointer { ranges in body(Names(bytes: bytes, ranges: ranges)) }
            }
        }
    }

    private struct Names {
        let bytes: UnsafeBufferPointer<UInt8>
        let ranges: UnsafeBufferPointer<Range<Int>>

        subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[ranges[index]])
        }

        /// Header indices by name; equal names keep their original order, which is the order their values join in.
        func sortedOrder() -> [Int] {
            var order = Array(ranges.indices)
            order.sort { lhs, rhs in
                let left = self[lhs]
                let right = self[rhs]
                return left.elementsEqual(right) ? lhs < rhs : left.lexicographicallyPrecedes(right)
            }
            return order
        }

        func areEqual(_ lhs: Int, _ rhs: Int) -> Bool {
            self[lhs].elementsEqual(self[rhs])
        }

        /// `content-type;host;x-amz-date`: each name once, in `order`.
        func appendSignedHeaders(_ order: [Int], to output: inout [UInt8]) {
            for (position, index) in order.enumerated() where position == 0 || !areEqual(order[position - 1], index) {
                if position > 0 { output.append(UInt8(ascii: ";")) }
                output.append(contentsOf: self[index])
            }
        }
    }

    /// The canonical URI. Every service but S3 normalises the path (RFC 3986 dot segments, repeated
    /// slashes) and encodes the wire path once more; S3 signs the wire path exactly as sent.
    static func uri(path: String, normalizing: Bool, encoding: Bool) -> String {
        // The root is already canonical, and most API calls (DynamoDB, SQS, STS…) go to it.
        if path == "/" || path.isEmpty { return "/" }
        var path = path
        if normalizing { path = normalized(path) }
        return encoding ? URIEncoding.encodePath(path) : path
    }

    /// The canonical query: every name and value decoded then strictly re-encoded, sorted by name then value.
    /// `extra` holds parameters not yet encoded (the `X-Amz-*` ones of a pre-signed URL).
    static func query(_ raw: String, extra: [(name: String, value: String)] = []) -> String {
        if raw.isEmpty && extra.isEmpty { return "" }
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(extra.count + 4)
        if !raw.isEmpty {
            for piece in raw.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = URIEncoding.encode(URIEncoding.decode(parts[0]))
                let value = parts.count > 1 ? URIEncoding.encode(URIEncoding.decode(parts[1])) : ""
                pairs.append((name, value))
            }
        }
        for (name, value) in extra {
            pairs.append((URIEncoding.encode(name), URIEncoding.encode(value)))
        }
        pairs.sort { lhs, rhs in
            lhs.name == rhs.name
                ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
        var text = ""
        for (index, pair) in pairs.enumerated() {
            if index > 0 { text += "&" }
            text += pair.name
            text += "="
            text += pair.value
        }
        return text
    }

    /// What the canonical request of these headers will list as signed: a pre-signed URL carries it in its query.
    static func signedHeaderNames(_ headers: [(name: String, value: String)]) -> String {
        let names = LowercasedNames(headers)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(names.byteCount + headers.count)
        names.withNames { names in names.appendSignedHeaders(names.sortedOrder(), to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The value trimmed, inner runs of white space (folded lines included) collapsed to one space.
    private static func appendTrimmed(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            if !needsTrimming(bytes) {
                output.append(contentsOf: bytes)
                return
            }
            var wroteAny = false
            var pendingSpace = false
            for byte in bytes {
                if isSpace(byte) {
                    pendingSpace = wroteAny
                } else {
                    if pendingSpace { output.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    output.append(byte)
                    wroteAny = true
                }
            }
        }
    }

    /// Most values are already canonical: no white space at the ends, only single spaces inside.
    private static func needsTrimming(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        for byte in bytes {
            let space = isSpace(byte)
            if space && (previousWasSpace || byte != UInt8(ascii: " ")) { return true }
            previousWasSpace = space
        }
        return previousWasSpace && !bytes.isEmpty
    }

    /// RFC 3986 `remove_dot_segments` with empty segments dropped; a trailing slash is kept.
    private static func normalized(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        var result = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { result += "/" }
        return result
    }
}
