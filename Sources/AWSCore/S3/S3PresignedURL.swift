import CivilTime


/// A pre-signed GET URL and when it stops working. The URL is a bearer credential: it never prints.
public struct S3PresignedURL: Sendable, CustomStringConvertible {
    public let url: String
    /// The requested lifetime's end, or the signing credentials' expiry if that comes first.
    public let expiresAt: Instant
    /// Signed with temporary credentials whose expiry nobody told us (Lambda's role credentials): the URL
    /// dies with them, possibly before `expiresAt`.
    public let mayExpireEarlier: Bool

    public var description: String {
        "S3PresignedURL(<redacted>, expires \(mayExpireEarlier ? "at the latest " : "")\(expiresAt))"
    }
}
