import AWSCore

/// A listing that failed in one account and region (denied, not available, an error): reported where it
/// happened while the rest of the run goes on, so nothing is silently missing.
public struct ReadProblem: Sendable, Equatable {
    public let account: String
    public let region: String
    /// What was being listed: `instances`, `volumes`, `rds:db`, `alarms`, `instance types`.
    public let listing: String
    public let reason: String

    init(account: String, region: String, listing: String, error: any Error) {
        self.account = account
        self.region = region
        self.listing = listing
        if let service = error as? AWSServiceError {
            reason = service.kind == .accessDenied ? "denied (\(service.code))" : "error \(service.code): \(service.message ?? "")"
        } else {
            reason = String(String(describing: error).prefix(300))
        }
    }

    public init(account: String, region: String, listing: String, reason: String) {
        self.account = account
        self.region = region
        self.listing = listing
        self.reason = reason
    }
}
