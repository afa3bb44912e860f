import CivilTime
import AWSCore
import Logging

/// Reports in the private report bucket, read through pre-signed GET links. The object is encrypted by the
/// bucket's default key (the module's KMS key): naming another key here would bypass it.
public struct S3ReportStore: ReportStore {
    let s3: S3Client
    let settings: ReportSettings
    /// A dedicated long-lived signing key, so links can outlive the function's role credentials.
    let signingCredentials: AWSCredentials?
    /// Why the configured signing key is not used, shown beside every link.
    let signingWarning: String?

    public init(s3: S3Client, settings: ReportSettings, signingCredentials: AWSCredentials? = nil, signingWarning: String? = nil) {
        self.s3 = s3
        self.settings = settings
        self.signingCredentials = signingCredentials
        self.signingWarning = signingWarning
    }

    /// The store as configured, with the dedicated signing key read from its secret when one is set. A key
    /// that cannot be read or is not a long-lived one must not stop the reports and the post: the role signs
    /// instead (links then say "at the latest"), and the log and every link say why.
    public static func configured(s3: S3Client, settings: ReportSettings, secrets: any SecretSource, logger: Logger) async -> S3ReportStore {
        guard let key = settings.signingKey else { return S3ReportStore(s3: s3, settings: settings) }
        do {
            return S3ReportStore(s3: s3, settings: settings, signingCredentials: try await key.credentials(with: secrets))
        } catch {
            let warning = "The report-signing key (\(key.secretID)) could not be used: \(error). The function's role signed this link."
            logger.warning("report-signing key not used; signing with the role", metadata: ["secret": "\(key.secretID)", "error": "\(error)"])
            return S3ReportStore(s3: s3, settings: settings, signingWarning: warning)
        }
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
        return PublishedReport(
            key: key, url: link.url, expiresAt: link.expiresAt, mayExpireEarlier: link.mayExpireEarlier, signingWarning: signingWarning)
    }
}
