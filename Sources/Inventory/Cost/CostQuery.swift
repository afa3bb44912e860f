import AWSCore

/// The Cost Explorer request of one account: the report month and the month before, MONTHLY, three cost
/// metrics, grouped by service and record type, filtered to the account (a management account's Cost
/// Explorer also sees its member accounts, which their own profiles report).
public struct CostQuery: Sendable, Equatable {
    public let accountID: String
    public let month: ReportMonth

    public static let operation = AWSOperation("GetCostAndUsage")
    public static let metrics = ["UnblendedCost", "AmortizedCost", "NetUnblendedCost"]

    public init(accountID: String, month: ReportMonth) {
        self.accountID = accountID
        self.month = month
    }

    /// `Start` inclusive, `End` exclusive: the first day of the month after the report month.
    public var start: String { month.previous.firstDay.description }
    public var end: String { month.endDay.description }

    public func input(nextPageToken: String? = nil) -> OperationInput {
        var members: [AWSValue.Member] = [
            AWSValue.Member("TimePeriod", .structure([AWSValue.Member("Start", .string(start)), AWSValue.Member("End", .string(end))])),
            AWSValue.Member("Granularity", .string("MONTHLY")),
            AWSValue.Member("Metrics", .list(Self.metrics.map(AWSValue.string))),
            AWSValue.Member("GroupBy", .list(["SERVICE", "RECORD_TYPE"].map { key in
                .structure([AWSValue.Member("Type", .string("DIMENSION")), AWSValue.Member("Key", .string(key))])
            })),
            AWSValue.Member("Filter", .structure([
                AWSValue.Member("Dimensions", .structure([
                    AWSValue.Member("Key", .string("LINKED_ACCOUNT")), AWSValue.Member("Values", .list([.string(accountID)])),
                ])),
            ])),
        ]
        if let nextPageToken { members.append(AWSValue.Member("NextPageToken", .string(nextPageToken))) }
        return OperationInput(body: .structure(members))
    }
}
