#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime
import HostSystem

/// The access token `aws sso login` leaves in `~/.aws/sso/cache/<sha1>.json`, keyed by the `sso_session`
/// name (or, for the legacy `sso_start_url` profiles, by the start URL). This tool does not log in: an
/// absent or expired token is an error that says to run `aws sso login`.
struct SSOTokenCache: Sendable {
    let directory: String

    init(environment: [String: String]) {
        let home = ProcessEnvironment.homeDirectory(environment: environment) ?? "/nonexistent"
        directory = home + "/.aws/sso/cache"
    }

    struct Token: Sendable {
        var accessToken: String
        var expiresAt: Instant
    }

    private struct File: Decodable {
        var accessToken: String?
        var expiresAt: String?
    }

    /// `key` is the session name or start URL; `profile` is named in the errors.
    func token(key: String, profile: String, now: Instant) throws(CredentialSourceError) -> Token {
        let path = directory + "/" + SHA1.hex(key) + ".json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .ssoLoginNeeded(profile: profile, reason: "no cached SSO token (\(path))")
        }
        guard let file = try? JSONDecoder().decode(File.self, from: data), let accessToken = file.accessToken, !accessToken.isEmpty,
              let expiresText = file.expiresAt, let expires = try? Instant(iso8601: expiresText)
        else { throw .ssoLoginNeeded(profile: profile, reason: "the cached SSO token in \(path) is unreadable") }
        guard expires > now else {
            throw .ssoLoginNeeded(profile: profile, reason: "the cached SSO token expired at \(expires.iso8601())")
        }
        return Token(accessToken: accessToken, expiresAt: expires)
    }
}
