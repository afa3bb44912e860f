import AWSCore

/// How a kind's rows are obtained: one list call read page by page, where its items are, and what turns an
/// item into rows (a describe call per item or per batch, nested lists that make one row each, an
/// account-wide report joined in).
public struct Listing: Sendable {
    public let operation: AWSOperation
    public let input: [InputField]
    public let paging: Paging?
    /// Where a page's items are; several sources (metric and composite alarms) are listed one after another.
    public let items: [ItemSource]
    public let detail: DetailCall?
    /// Applied in order: each level turns a row into one row per element it reaches.
    public let expansions: [Expansion]
    public let enrichment: Enrichment?

    public init(
        _ operation: AWSOperation, input: [InputField] = [], paging: Paging? = nil, items: [ItemSource], detail: DetailCall? = nil,
        expansions: [Expansion] = [], enrichment: Enrichment? = nil
    ) {
        self.operation = operation
        self.input = input
        self.paging = paging
        self.items = items
        self.detail = detail
        self.expansions = expansions
        self.enrichment = enrichment
    }

    /// A single item source without a label, the common case.
    public init(
        _ operation: AWSOperation, input: [InputField] = [], paging: Paging? = nil, items: AWSValuePath, detail: DetailCall? = nil,
        expansions: [Expansion] = [], enrichment: Enrichment? = nil
    ) {
        self.init(
            operation, input: input, paging: paging, items: [ItemSource(items)], detail: detail, expansions: expansions,
            enrichment: enrichment)
    }
}

/// A list call's paginator and the page sizes its API accepts (EC2 `MaxResults` 5…1000, RDS `MaxRecords` 20…100).
public struct Paging: Sendable {
    public let paginator: Paginator
    public let pageSizes: ClosedRange<Int>?

    public init(_ paginator: Paginator, pageSizes: ClosedRange<Int>? = nil) {
        self.paginator = paginator
        self.pageSizes = pageSizes
    }

    /// The size to ask for: the operator's, brought into the API's range; without one, the API's largest
    /// (fewest calls). nil when the API takes no size or the kind gives no range.
    public func pageSize(requested: Int?) -> Int? {
        guard paginator.limitKey != nil, let pageSizes else { return nil }
        guard let requested else { return pageSizes.upperBound }
        return min(max(requested, pageSizes.lowerBound), pageSizes.upperBound)
    }
}

/// Where items are in a page, with a label kept in the row's `Source` member when there are several.
public struct ItemSource: Sendable {
    public let path: AWSValuePath
    public let label: String?

    public init(_ path: AWSValuePath, label: String? = nil) {
        self.path = path
        self.label = label
    }
}

/// One member of a call's input, under its wire name. Where it goes follows the protocol: a JSON body member,
/// a form parameter, or for the REST protocols a path label when the path names it, else the query string
/// (`placement` overrides, for REST-JSON calls that take a body).
public struct InputField: Sendable {
    public let name: String
    public let value: InputValue
    public let placement: Placement?

    public init(_ name: String, _ value: InputValue, placement: Placement? = nil) {
        self.name = name
        self.value = value
        self.placement = placement
    }

    public enum Placement: Sendable { case body }
}

public enum InputValue: Sendable {
    case text(String)
    case bool(Bool)
    case texts([String])
    /// A literal structure or list (ACM's `Includes`).
    case value(AWSValue)
    /// The value the item has at a path (a describe call's name or ARN).
    case item(AWSValuePath)
    /// The listed item itself, when the list is of names or URLs (DynamoDB tables, SQS queues).
    case listed
    /// The items of a batch, as a list (ECS `DescribeClusters`' `clusters`).
    case batch
    /// Bounds of the report month for exclusive filters (a month's Backup jobs): just before its first
    /// instant, and the next month's first instant, in ISO 8601.
    case monthStart
    case monthEnd
}

/// A call made for each item (or batch of items) of the list, and how its answer joins the row.
public struct DetailCall: Sendable {
    public let operation: AWSOperation
    public let input: [InputField]
    /// Items per call for batch describes (ECS clusters, CodeBuild projects: 100); nil: one call per item.
    public let batchSize: Int?
    public let result: AWSValuePath
    public let paging: Paging?
    public let merge: Merge

    public init(
        _ operation: AWSOperation, input: [InputField], batchSize: Int? = nil, result: AWSValuePath, paging: Paging? = nil,
        merge: Merge = .members
    ) {
        self.operation = operation
        self.input = input
        self.batchSize = batchSize
        self.result = result
        self.paging = paging
        self.merge = merge
    }

    public enum Merge: Sendable, Equatable {
        /// The answer's structure at `result` joins the item: its members first, so the described values win.
        case members
        /// Every value at `result` (every page) becomes a list in the row under this name (a user's groups).
        case list(named: String)
        /// A batch describe: the values at `result` are the rows; the listed identifiers are not kept.
        case rows
    }
}

/// One row per element a path reaches from the row: security groups → rules (Inbound, Outbound) → peers.
/// The element joins the row under `name`, the branch's label under `name` + "Kind". A row whose branches
/// reach nothing stays, once, without the member: a group without rules is still listed.
public struct Expansion: Sendable {
    public let name: String
    public let branches: [Branch]

    public init(_ name: String, _ branches: [Branch]) {
        self.name = name
        self.branches = branches
    }

    public struct Branch: Sendable {
        public let label: String
        public let path: AWSValuePath

        public init(_ label: String, _ path: AWSValuePath) {
            self.label = label
            self.path = path
        }
    }
}

/// Account-wide facts a list does not carry, joined after listing: the steps the engine knows by name.
public enum Enrichment: Sendable, Equatable {
    /// IAM's credential report (password and access-key last use) joined to users by name.
    case iamCredentialReport
    /// Each bucket's region (GetBucketLocation), and its size and object count from the AWS/S3 storage
    /// metrics there: never by listing objects.
    case s3BucketFacts
}
