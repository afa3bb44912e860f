import NIOHTTP1

/// The canonical form of a request (SigV4 task 1), kept as text because its hash is what gets signed.
struct CanonicalRequest {
    let text: String
    /// `host;x-amz-date`: the lower-cased names of the signed headers, sorted.
    let signedHeaders: String

    init(method: String, uri: String, query: String, headers: [(name: String, value: String)], payload: PayloadHash) {
        let canonicalHeaders = Self.canonicalHeaders(headers)
        signedHeaders = canonicalHeaders.names
        var text = ""
        text.reserveCapacity(method.utf8.count + uri.utf8.count + query.utf8.count + canonicalHeaders.lines.utf8.count + 160)
        text += method
        text += "\n"
        text += uri
        text += "\n"
        text += query
        text += "\n"
        text += canonicalHeaders.lines
        text += "\n"
        text += signedHeaders
        text += "\n"
        text += payload.value
        self.text = text
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

    /// Lower-cased names sorted; repeated headers joined with `,` in their original order; values trimmed
    /// with inner runs of white space (folded lines included) collapsed to one space.
    private static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (lines: String, names: String) {
        var valuesByName: [String: [String]] = [:]
        for (name, value) in headers {
            valuesByName[name.lowercased(), default: []].append(trimmed(value))
        }
        let names = valuesByName.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var lines = ""
        for name in names {
            lines += name
            lines += ":"
            lines += valuesByName[name]!.joined(separator: ",")
            lines += "\n"
        }
        return (lines, names.joined(separator: ";"))
    }

    private static func trimmed(_ value: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if isSpace(byte) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
