import HTTPCore

/// Where an absolute `http(s)://` URL sends its request: the origin to connect to, and the request line's target.
struct RequestTarget: Equatable {
    var origin: Origin
    /// Path and query as they go on the request line, already percent-encoded by the caller.
    var path: String

    struct Origin: Hashable, Sendable {
        var isSecure: Bool
        /// Host name or address without IPv6 brackets: what is resolved and what TLS names the server by.
        var host: String
        var port: Int

        /// The `Host` header: brackets for IPv6, the port only when it is not the scheme's.
        var hostHeader: String {
            let name = host.contains(":") ? "[\(host)]" : host
            return port == (isSecure ? 443 : 80) ? name : "\(name):\(port)"
        }
    }

    /// Refuses what this client does not speak: other schemes, user info, a missing host or a bad port.
    /// The error names the URL without its query, where pre-signed URLs carry their signature.
    init(url: String) throws(TransportError) {
        func refuse(_ why: String) -> TransportError { .failed(url: Self.printable(url), detail: why) }

        let isSecure: Bool
        let rest: Substring
        if url.hasPrefix("https://") {
            isSecure = true
            rest = url.dropFirst("https://".count)
        } else if url.hasPrefix("http://") {
            isSecure = false
            rest = url.dropFirst("http://".count)
        } else {
            throw refuse("only http:// and https:// URLs are supported")
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var path = String(rest.dropFirst(authority.count).prefix { $0 != "#" })
        if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
        guard !authority.contains("@") else { throw refuse("user info in a URL is not supported") }

        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw refuse("unclosed IPv6 address") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw refuse("bad text after the IPv6 address") }
            portText = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
            portText = nil
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { throw refuse("no valid host") }
        var port = isSecure ? 443 : 80
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else { throw refuse("bad port") }
            port = number
        }
        self.origin = Origin(isSecure: isSecure, host: host.lowercased(), port: port)
        self.path = path
    }

    /// The URL as errors may show it: no query (pre-signed signatures), no user info (passwords).
    static func printable(_ url: String) -> String {
        let shown = url.withoutQuery
        guard let colon = shown.firstIndex(of: ":"), shown[colon...].hasPrefix("://") else { return String(shown) }
        let rest = shown[shown.index(colon, offsetBy: 3)...]
        guard let at = rest.prefix(while: { $0 != "/" }).lastIndex(of: "@") else { return String(shown) }
        return String(shown[..<rest.startIndex]) + "…@" + rest[rest.index(after: at)...]
    }
}
