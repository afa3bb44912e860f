import AWSCore

extension Catalogue {
    static let monitoring: [ResourceKind] = [
        ResourceKind(
            id: "cloudwatch-metrics", sheet: "CloudWatch Metrics", title: "CloudWatch metrics", category: .monitoring, api: .cloudWatch,
            listing: Listing(AWSOperation("ListMetrics"), paging: .nextToken(limit: nil), items: "Metrics[]"),
            columns: [
                Column("Namespace", "Namespace"), Column("Metric", "MetricName"),
                Column("Dimensions", .pairs("Dimensions[]", key: "Name", value: "Value")),
            ],
            costServices: ["AmazonCloudWatch"]),
        ResourceKind(
            id: "log-groups", sheet: "Log Groups", title: "CloudWatch Logs log groups", category: .monitoring, api: .logs,
            listing: Listing(AWSOperation("DescribeLogGroups"), paging: .lowerNextToken(limit: "limit", sizes: 1...50), items: "logGroups[]"),
            columns: [
                Column("Log group", "logGroupName"), Column("Retention (days)", .orElse(.path("retentionInDays"), fallback: "never expire")),
                Column("Stored (bytes)", "storedBytes", .bytes), Column("Class", "logGroupClass"), Column("KMS key", "kmsKeyId"),
                Column("Created", "creationTime", .epochMilliseconds), Column("ARN", "arn"),
            ]),
        ResourceKind(
            id: "cloudwatch-alarms", sheet: "CloudWatch Alarms", title: "CloudWatch alarms", category: .monitoring, api: .cloudWatch,
            listing: Listing(
                AWSOperation("DescribeAlarms"), input: [InputField("AlarmTypes", .texts(["MetricAlarm", "CompositeAlarm"]))],
                paging: .nextToken(limit: "MaxRecords", sizes: 1...100),
                items: [ItemSource("MetricAlarms[]", label: "metric"), ItemSource("CompositeAlarms[]", label: "composite")]),
            columns: [
                Column("Alarm", "AlarmName"), Column("Type", "Source"), Column("State", "StateValue"), Column("Namespace", "Namespace"),
                Column("Metric", "MetricName"), Column("Comparison", "ComparisonOperator"), Column("Threshold", "Threshold"),
                Column("Actions enabled", "ActionsEnabled"), Column("Actions", .join("AlarmActions[]")),
                Column("State changed", "StateUpdatedTimestamp", .timestamp),
            ]),
        ResourceKind(
            id: "event-rules", sheet: "EventBridge Rules", title: "EventBridge rules (default bus)", category: .monitoring, api: .events,
            listing: Listing(AWSOperation("ListRules"), paging: .nextToken(limit: "Limit", sizes: 1...100), items: "Rules[]"),
            columns: [
                Column("Rule", "Name"), Column("State", "State"), Column("Schedule", "ScheduleExpression"), Column("Event pattern", "EventPattern"),
                Column("Bus", "EventBusName"), Column("ARN", "Arn"),
            ],
            costServices: ["CloudWatch Events"]),
        ResourceKind(
            id: "cloudtrail-trails", sheet: "CloudTrail Trails", title: "CloudTrail trails", category: .monitoring, api: .cloudTrail,
            listing: Listing(AWSOperation("DescribeTrails"), input: [InputField("includeShadowTrails", .bool(false))], items: "trailList[]"),
            columns: [
                Column("Trail", "Name"), Column("Home region", "HomeRegion"), Column("Multi-region", "IsMultiRegionTrail"),
                Column("Organization", "IsOrganizationTrail"), Column("Bucket", "S3BucketName"),
                Column("Log validation", "LogFileValidationEnabled"), Column("KMS key", "KmsKeyId"), Column("ARN", "TrailARN"),
            ],
            costServices: ["AWS CloudTrail"]),
    ]
}
