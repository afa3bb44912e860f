@testable import HTTP1Client
import HTTPCore
import Testing

@Suite struct RequestTargetTests {
    @Test(arguments: [
        ("https://dynamodb.ap-northeast-2.amazonaws.com/", true, "dynamodb.ap-northeast-2.amazonaws.com", 443, "/", "dynamodb.ap-northeast-2.amazonaws.com"),
        ("http://127.0.0.1:4566/bucket/key?uploads", false, "127.0.0.1", 4566, "/bucket/key?uploads", "127.0.0.1:4566"),
        ("https://API.Datadoghq.com?x=1", true, "api.datadoghq.com", 443, "/?x=1", "api.datadoghq.com"),
        ("http://[::1]:8080/a#fragment", false, "::1", 8080, "/a", "[::1]:8080"),
        ("https://hooks.slack.com:443/services/T/B/X", true, "hooks.slack.com", 443, "/services/T/B/X", "hooks.slack.com"),
    ])
    func anAbsoluteURLGivesItsOriginAndTarget(url: String, secure: Bool, host: String, port: Int, path: String, hostHeader: String) throws {
        let target = try RequestTarget(url: url)
        #expect(target.origin == RequestTarget.Origin(isSecure: secure, host: host, port: port))
        #expect(target.path == path)
        #expect(target.origin.hostHeader == hostHeader)
    }

    @Test(arguments: [
        ("ftp://example.com/file", "only http:// and https://"),
        ("example.com/path", "only http:// and https://"),
        ("https://user:pass@example.com/", "user info"),
        ("https:///path", "no valid host"),
        ("https://exa mple.com/", "no valid host"),
        ("http://example.com:0/", "bad port"),
        ("http://example.com:70000/", "bad port"),
        ("http://example.com:8o/", "bad port"),
        ("http://[::1/", "unclosed IPv6"),
    ])
    func whatItDoesNotSpeakIsRefusedByName(url: String, reason: String) {
        #expect {
            _ = try RequestTarget(url: url + "?X-Amz-Signature=SECRET")
        } throws: { error in
            guard case .failed(let printed, let detail) = error as? TransportError else { return false }
            return detail.contains(reason) && !printed.contains("SECRET") && !printed.contains("pass")
        }
    }
}
