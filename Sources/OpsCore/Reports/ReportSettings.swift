/// The report bucket, key prefix, the lifetime asked of pre-signed links and the key that signs them.
public struct ReportSettings: Sendable, Equatable {
    public var bucket: String
    public var prefix: String
    public var urlLifetimeSeconds: Int
    /// `OPS_REPORT_SIGNING_SECRET_ID`: without it, links are signed by the function's role credentials.
    public var signingKey: ReportSigningKey?

    public init(bucket: String, prefix: String, urlLifetimeSeconds: Int, signingKey: ReportSigningKey? = nil) {
        self.bucket = bucket
        self.prefix = prefix
        self.urlLifetimeSeconds = urlLifetimeSeconds
        self.signingKey = signingKey
    }
}
