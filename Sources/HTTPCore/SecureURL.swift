/// URLs that secrets travel to (the Datadog keys in headers, the Slack webhook URL, which is itself the
/// secret): `https://`, or plain `http://` only to this machine, where the local fakes listen.
public enum SecureURL {
    public static func isAcceptable(_ url: String) -> Bool {
        if url.hasPrefix("https://") { return url.count > "https://".count }
        guard url.hasPrefix("http://") else { return false }
        return isLoopback(host: host(in: url.dropFirst("http://".count)))
    }

    /// The host of `authority/path…`: brackets kept for IPv6, the port and any user info dropped.
    static func host(in rest: Substring) -> Substring {
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let afterUser = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        if afterUser.hasPrefix("[") { return afterUser.prefix { $0 != "]" } + "]" }
        return afterUser.prefix { $0 != ":" }
    }

    static func isLoopback(host: Substring) -> Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
