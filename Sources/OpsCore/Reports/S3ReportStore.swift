#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CivilTime
import AWSCore

/// Reports in the private report bucket, read through pre-signed GET links. The object is encrypted by the
/// bucket's default key (the module's KMS key): naming another key here would bypass it.
public struct S3ReportStore: ReportStore {
    let s3: S3Client
    let settings: ReportSettings
    /// A dedicated long-lived signing key, so links can outlive the function's role credentials.
    let signingCredentials: AWSCredentials?

    public init(s3: S3Client, settings: ReportSettings, signingCredentials: AWSCredentials? = nil) {
        self.s3 = s3
        self.settings = settings
        self.signingCredentials = signingCredentials
    }

    /// The store as configured: with the dedicated signing key read from its secret when one is set, so a
    /// missing or wrong key fails the function's start instead of every link.
    public static func configured(s3: S3Client, settings: ReportSettings, secrets: any SecretSource) async throws -> S3ReportStore {
        S3ReportStore(s3: s3, settings: settings, signingCredentials: try await settings.signingKey?.credentials(with: secrets))
    }

    public func publish(html: String, key: String) async throws -> PublishedReport {
        try await s3.putObject(
            bucket: settings.bucket, key: key, body: try Gzip.compress(html), contentType: "text/html; charset=utf-8",
            contentEncoding: "gzip")
        return try await link(key: key)
    }

    public func link(key: String) async throws -> PublishedReport {
        let link = try await s3.presignedGetURL(
            bucket: settings.bucket, key: key, expiresIn: settings.urlLifetimeSeconds, credentials: signingCredentials)
        let expiresAt = Instant(epochMilliseconds: Int64(link.expiresAt.timeIntervalSince1970 * 1000))
        return PublishedReport(key: key, url: link.url, expiresAt: expiresAt, mayExpireEarlier: link.mayExpireEarlier)
    }
}
