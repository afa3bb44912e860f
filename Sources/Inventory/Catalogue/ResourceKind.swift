import AWSCore

/// One sheet of the inventory as data: which service and call list it, what one row is, the columns an
/// operator needs, and which Cost Explorer services its summary row owns. The engine interprets entries;
/// adding a kind is adding an entry (SPEC §13.1).
public struct ResourceKind: Sendable {
    /// Stable identifier (`ec2-instances`): `--only`, the JSON output and the coverage rows name kinds by it.
    public let id: String
    /// The workbook sheet and CSV file name (≤ 31 characters, none of `[]:*?/\`).
    public let sheet: String
    public let title: String
    public let category: Category
    public let api: ServiceAPI
    public let reach: Reach
    public let listing: Listing
    public let columns: [Column]
    /// Cost Explorer `SERVICE` values whose cost this kind's summary row shows; each name belongs to one kind.
    public let costServices: [String]

    public init(
        id: String, sheet: String, title: String, category: Category, api: ServiceAPI, reach: Reach = .regional,
        listing: Listing, columns: [Column], costServices: [String] = []
    ) {
        self.id = id
        self.sheet = sheet
        self.title = title
        self.category = category
        self.api = api
        self.reach = reach
        self.listing = listing
        self.columns = columns
        self.costServices = costServices
    }

    /// Where a kind is listed: in every region of the run, or once per account.
    public enum Reach: Sendable, Equatable {
        case regional
        /// Global services (IAM, Route 53, CloudFront, Shield) and account-wide lists (S3 buckets, Direct Connect
        /// gateways). `region` pins the call where the API only answers in one region (WAF's CloudFront scope:
        /// us-east-1); nil uses the account's first region of the run.
        case global(region: String? = nil)

        public var isGlobal: Bool {
            if case .global = self { return true }
            return false
        }
    }

    /// The summary's groups, in the order the summary lists them.
    public enum Category: String, Sendable, CaseIterable, Codable {
        case identity = "Identity"
        case network = "Network"
        case security = "Security"
        case compute = "Compute"
        case containers = "Containers"
        case storage = "Storage"
        case database = "Database"
        case integration = "Integration"
        case developerTools = "Developer tools"
        case monitoring = "Monitoring"
        case backup = "Backup"
        case edge = "DNS and CDN"
    }
}

/// A service as a catalogue calls it: its names (signing, endpoint, environment variable) and its wire protocol.
public struct ServiceAPI: Sendable {
    public let service: AWSService
    public let wireProtocol: WireProtocol

    public init(_ service: AWSService, _ wireProtocol: WireProtocol) {
        self.service = service
        self.wireProtocol = wireProtocol
    }
}
