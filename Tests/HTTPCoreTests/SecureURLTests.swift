import HTTPCore
import Testing

/// Where a secret may travel: TLS, or this machine.
@Suite struct SecureURLTests {
    @Test(arguments: [
        "https://hooks.slack.com/services/T/B/X", "https://api.datadoghq.com", "http://127.0.0.1:8080/hook", "http://localhost/x",
        "http://[::1]:9000", "http://127.1.2.3", "http://user@127.0.0.1:80/",
    ])
    func acceptable(url: String) {
        #expect(SecureURL.isAcceptable(url))
    }

    @Test(arguments: [
        "http://hooks.slack.com/services/T/B/X", "http://api.datadoghq.com", "http://10.0.0.1/", "http://127.0.0.1.evil.com/",
        "http://localhost.evil.com/", "http://127.0.0.1@evil.com/", "http://[::2]/", "ftp://127.0.0.1", "https://", "",
        "hooks.slack.com/services/T/B/X", "http://128.0.0.1", "http://127.0.0.256",
    ])
    func refused(url: String) {
        #expect(!SecureURL.isAcceptable(url))
    }
}
