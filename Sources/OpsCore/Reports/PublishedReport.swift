import CivilTime

/// A stored report and its link. `expiresAt` is when the link really stops working, which can be earlier
/// than asked when the signing credentials expire first (SPEC §10): messages must say this time.
public struct PublishedReport: Sendable, Equatable {
    public var key: String
    public var url: String
    public var expiresAt: Instant
    /// Signed with temporary credentials of unknown lifetime: `expiresAt` is the latest the link can work.
    public var mayExpireEarlier: Bool
    /// Set when the configured report-signing key could not be used and the role signed instead.
    public var signingWarning: String?

    public init(key: String, url: String, expiresAt: Instant, mayExpireEarlier: Bool = false, signingWarning: String? = nil) {
        self.key = key
        self.url = url
        self.expiresAt = expiresAt
        self.mayExpireEarlier = mayExpireEarlier
        self.signingWarning = signingWarning
    }
}
