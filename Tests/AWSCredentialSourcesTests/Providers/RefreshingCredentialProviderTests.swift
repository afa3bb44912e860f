import AWSCore
import AWSCredentialSources
import CivilTime
import Synchronization
import Testing

/// The refresh margin at the millisecond, with the clock in the test's hands.
@Suite struct RefreshingCredentialProviderTests {
    /// Hands out credentials expiring at `expiry`, counting how often it was asked.
    final class CountingSource: CredentialProvider {
        let expiry: Instant?
        let calls = Mutex(0)

        init(expiry: Instant?) { self.expiry = expiry }

        func credentials() async throws -> AWSCredentials {
            let call = calls.withLock { count in
                count += 1
                return count
            }
            return AWSCredentials(accessKeyID: "ASIA\(call)", secretAccessKey: "s", sessionToken: "t", expiration: expiry)
        }
    }

    @Test func credentialsAreAskedForAgainFromFiveMinutesBeforeTheirExpiry() async throws {
        let expiry = Instant(epochSeconds: 1_800_000_000)
        let now = Mutex(expiry.adding(milliseconds: -RefreshingCredentialProvider.refreshMarginMilliseconds - 1))
        let source = CountingSource(expiry: expiry)
        let provider = RefreshingCredentialProvider(source, now: { now.withLock { $0 } })
        #expect(try await provider.credentials().accessKeyID == "ASIA1")
        #expect(try await provider.credentials().accessKeyID == "ASIA1", "a millisecond outside the margin: kept")
        now.withLock { $0 = $0.adding(milliseconds: 1) }
        #expect(try await provider.credentials().accessKeyID == "ASIA2", "at the margin: asked again")
        #expect(source.calls.withLock { $0 } == 2)
    }

    @Test func credentialsWithoutAnExpiryAreKeptForGood() async throws {
        let source = CountingSource(expiry: nil)
        let provider = RefreshingCredentialProvider(source, now: { Instant(epochSeconds: 4_000_000_000) })
        for _ in 0..<3 { _ = try await provider.credentials() }
        #expect(source.calls.withLock { $0 } == 1)
    }
}
