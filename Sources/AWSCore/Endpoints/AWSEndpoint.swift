/// Where a service's requests go: scheme, host, optional port and an optional base path (some local
/// AWS emulators sit under a path prefix).
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int?
    /// Empty, or starts with `/` and has no trailing `/`.
    public let basePath: String
    /// Set by `AWS_ENDPOINT_URL[_<SERVICE>]` rather than derived from the region.
    public let isCustom: Bool

    public init(scheme: String, host: String, port: Int? = nil, basePath: String = "", isCustom: Bool) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
        self.isCustom = isCustom
    }

    /// Parses `http[s]://host[:port][/path]`; `variable` names where the text came from, for the error.
    public init(parsing text: String, isCustom: Bool = true, variable: String = "endpoint") throws(EndpointError) {
        let invalid = EndpointError.invalidURL(variable: variable, value: text)
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { throw invalid }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { throw invalid }
        let rest = text[colon...].dropFirst(3)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var path = String(rest[authority.endIndex...].prefix { $0 != "?" && $0 != "#" })
        while path.hasSuffix("/") { path.removeLast() }

        var host = Substring(authority)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw invalid }
            let after = host[host.index(after: close)...]
            host = host[...close]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let value = Int(after.dropFirst()) else { throw invalid }
                port = value
            }
        } else if let colon = host.lastIndex(of: ":") {
            guard let value = Int(host[host.index(after: colon)...]) else { throw invalid }
            port = value
            host = host[..<colon]
        }
        guard !host.isEmpty, !host.contains("@"), port.map({ (1...65_535).contains($0) }) ?? true else { throw invalid }
        self.init(scheme: scheme, host: host.lowercased(), port: port, basePath: path, isCustom: isCustom)
    }

    /// The `Host` header value: the port appears only when it is not the scheme's default.
    public var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// `scheme://host[:port]` with no path.
    public var origin: String { "\(scheme)://\(hostHeader)" }

    public var description: String { origin + basePath }
}

public enum EndpointError: Error, Equatable, CustomStringConvertible {
    case invalidURL(variable: String, value: String)
    case missingRegion

    public var description: String {
        switch self {
        case .invalidURL(let variable, let value):
            return "\(variable) is not an http(s) URL: \"\(value)\""
        case .missingRegion:
            return "no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION, or region in the AWS config profile)"
        }
    }
}
