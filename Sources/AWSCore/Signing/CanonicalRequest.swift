import NIOHTTP1

/// The canonical form of a request (SigV4 task 1), built as UTF-8 bytes because their hash is what gets signed.
struct CanonicalRequest {
    let bytes: [UInt8]
    /// `host;x-amz-date`: the lower-cased names of the signed headers, sorted.
    let signedHeaders: String

    init(method: String, uri: String, query: String, headers: [(name: String, value: String)], payload: PayloadHash) {
        let headers = Self.sortedHeaders(headers)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(method.utf8.count + uri.utf8.count + query.utf8.count + 64 * headers.count + 160)
        for part in [method, uri, query] {
            bytes.append(contentsOf: part.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        var names = ""
        for (index, header) in headers.enumerated() {
            if index > 0 && headers[index - 1].name == header.name {
                bytes.append(UInt8(ascii: ","))
            } else {
                if index > 0 {
                    bytes.append(UInt8(ascii: "\n"))
                    names += ";"
                }
                bytes.append(contentsOf: header.name.utf8)
                bytes.append(UInt8(ascii: ":"))
                names += header.name
            }
            bytes.append(contentsOf: header.value.utf8)
        }
        if !headers.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: names.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: payload.value.utf8)
        self.bytes = bytes
        signedHeaders = names
    }

    /// The canonical URI. Every service but S3 normalises the path (RFC 3986 dot segments, repeated
    /// slashes) and encodes the wire path once more; S3 signs the wire path exactly as sent.
    static func uri(path: String, normalizing: Bool, encoding: Bool) -> String {
        var path = path.isEmpty ? "/" : path
        if normalizing { path = normalized(path) }
        return encoding ? URIEncoding.encodePath(path) : path
    }

    /// The canonical query: every name and value decoded then strictly re-encoded, sorted by name then value.
    /// `extra` holds parameters not yet encoded (the `X-Amz-*` ones of a pre-signed URL).
    static func query(_ raw: String, extra: [(name: String, value: String)] = []) -> String {
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
        Set(headers.map { lowercased($0.name) }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: ";")
    }

    /// Lower-cased names sorted, repeated names kept in their original order (the caller joins their values
    /// with `,`); values trimmed with inner runs of white space (folded lines included) collapsed to one space.
    private static func sortedHeaders(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var entries: [(name: String, value: String)] = []
        entries.reserveCapacity(headers.count)
        for (name, value) in headers { entries.append((lowercased(name), trimmed(value))) }
        // Stable by construction: ties keep their original positions, which is the order their values join in.
        var order = Array(entries.indices)
        order.sort { lhs, rhs in
            entries[lhs].name == entries[rhs].name ? lhs < rhs : entries[lhs].name.utf8.lexicographicallyPrecedes(entries[rhs].name.utf8)
        }
        return order.map { entries[$0] }
    }

    /// Header names are ASCII: lower-case them byte by byte rather than through Unicode case mapping.
    private static func lowercased(_ name: String) -> String {
        var name = name
        return name.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                for (index, byte) in bytes.enumerated() {
                    output[index] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func trimmed(_ value: String) -> String {
        var utf8 = value
        return utf8.withUTF8 { bytes in
            if !needsTrimming(bytes) { return value }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if isSpace(byte) {
                    pendingSpace = !result.isEmpty
                } else {
                    if pendingSpace { result.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
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
