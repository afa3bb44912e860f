import CivilTime
import AWSCore

/// Keeps the temporary credentials a source gave until five minutes before they expire, then asks again:
/// one role assumption (or SSO exchange, or metadata read) per expiry, not per request. Concurrent callers
/// during a refresh share it. Credentials without an expiry are kept for good.
public actor RefreshingCredentialProvider: CredentialProvider {
    public static let refreshMarginMilliseconds: Int64 = 5 * 60 * 1000

    private let source: any CredentialProvider
    private let now: @Sendable () -> Instant
    private var cached: AWSCredentials?
    private var refreshing: Task<AWSCredentials, any Error>?

    public init(_ source: any CredentialProvider, now: @escaping @Sendable () -> Instant = Instant.now) {
        self.source = source
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, !needsRefresh(cached) { return cached }
        if let refreshing { return try await refreshing.value }
        let task = Task { [source] in try await source.credentials() }
        refreshing = task
        defer { refreshing = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }

    private func needsRefresh(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.epochMilliseconds - now().epochMilliseconds <= Self.refreshMarginMilliseconds
    }
}
