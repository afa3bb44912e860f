import AWSCore

/// The three APIs the fleet commands speak, as their service models (botocore's `ec2`, `monitoring` and
/// `resourcegroupstaggingapi`) define them.
enum FleetServices {
    static let ec2 = AWSService.regional("ec2", serviceID: "EC2")
    static let ec2Protocol = WireProtocol.ec2(apiVersion: "2016-11-15")
    static let cloudWatch = AWSService.regional("monitoring", serviceID: "CloudWatch")
    static let cloudWatchProtocol = WireProtocol.query(apiVersion: "2010-08-01")
    static let tagging = AWSService.regional("tagging", serviceID: "Resource Groups Tagging API")
    static let taggingProtocol = WireProtocol.json(version: "1.1", targetPrefix: "ResourceGroupsTaggingAPI_20170126")

    /// EC2's `NextToken`/`nextToken` with `MaxResults` (DescribeInstances 5–1000, DescribeVolumes 5–500).
    static let ec2Paging = Paginator(inputToken: "NextToken", outputToken: "nextToken", resultKeys: [], limitKey: "MaxResults")
    /// DescribeAlarms: `NextToken` with `MaxRecords` 1–100.
    static let alarmPaging = Paginator(inputToken: "NextToken", outputToken: "NextToken", resultKeys: [], limitKey: "MaxRecords")
    /// GetResources: `PaginationToken`, answered empty on the last page, with `ResourcesPerPage` 1–100.
    static let taggingPaging = Paginator(
        inputToken: "PaginationToken", outputToken: "PaginationToken", resultKeys: [], limitKey: "ResourcesPerPage")
}
