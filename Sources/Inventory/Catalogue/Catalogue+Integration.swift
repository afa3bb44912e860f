import AWSCore

extension Catalogue {
    static let integration: [ResourceKind] = [
        ResourceKind(
            id: "msk-clusters", sheet: "MSK Clusters", title: "MSK (Kafka) clusters", category: .integration, api: .kafka,
            listing: Listing(
                AWSOperation("ListClustersV2", method: .GET, path: "/api/v2/clusters"),
                paging: .lowerNextToken(sizes: 1...100), items: "clusterInfoList[]"),
            columns: [
                Column("Cluster", "clusterName"), Column("Type", "clusterType"), Column("State", "state"),
                Column("Kafka version", "provisioned.currentBrokerSoftwareInfo.kafkaVersion"),
                Column("Brokers", "provisioned.numberOfBrokerNodes", .integer),
                Column("Broker type", "provisioned.brokerNodeGroupInfo.instanceType"), Column("Created", "creationTime", .timestamp),
                Column("Tags", .tags("tags")), Column("ARN", "clusterArn"),
            ],
            costServices: ["Amazon Managed Streaming for Apache Kafka"]),
        ResourceKind(
            id: "sqs-queues", sheet: "SQS Queues", title: "SQS queues", category: .integration, api: .sqs,
            listing: Listing(
                AWSOperation("ListQueues"), paging: .nextToken(sizes: 1...1_000), items: "QueueUrls[]",
                detail: DetailCall(
                    AWSOperation("GetQueueAttributes"), input: [InputField("QueueUrl", .listed), InputField("AttributeNames", .texts(["All"]))],
                    result: "Attributes")),
            columns: [
                Column("Queue", .lastSegment("Listed")), Column("FIFO", .orElse(.path("FifoQueue"), fallback: "false")),
                Column("Messages", "ApproximateNumberOfMessages", .integer),
                Column("In flight", "ApproximateNumberOfMessagesNotVisible", .integer),
                Column("Retention (s)", "MessageRetentionPeriod", .integer), Column("Visibility timeout (s)", "VisibilityTimeout", .integer),
                Column("Encryption", .firstOf(["KmsMasterKeyId", "SqsManagedSseEnabled"])), Column("Redrive policy", "RedrivePolicy"),
                Column("Created", "CreatedTimestamp", .timestamp), Column("URL", "Listed"),
            ],
            costServices: ["Amazon Simple Queue Service"]),
        ResourceKind(
            id: "firehose-streams", sheet: "Firehose Streams", title: "Data Firehose streams", category: .integration, api: .firehose,
            listing: Listing(
                AWSOperation("ListDeliveryStreams"),
                paging: .token(
                    "ExclusiveStartDeliveryStreamName", "DeliveryStreamNames[]", more: "HasMoreDeliveryStreams", limit: "Limit",
                    sizes: 1...10_000),
                items: "DeliveryStreamNames[]",
                detail: DetailCall(
                    AWSOperation("DescribeDeliveryStream"), input: [InputField("DeliveryStreamName", .listed)],
                    result: "DeliveryStreamDescription")),
            columns: [
                Column("Stream", .firstOf(["DeliveryStreamName", "Listed"])), Column("Status", "DeliveryStreamStatus"),
                Column("Type", "DeliveryStreamType"), Column("Destinations", .count("Destinations[]"), .integer),
                Column("Created", "CreateTimestamp", .timestamp), Column("ARN", "DeliveryStreamARN"),
            ],
            costServices: ["Amazon Kinesis Firehose"]),
        ResourceKind(
            id: "sns-topics", sheet: "SNS Topics", title: "SNS topics", category: .integration, api: .sns,
            listing: Listing(
                AWSOperation("ListTopics"), paging: .nextToken(limit: nil), items: "Topics[]",
                detail: DetailCall(
                    AWSOperation("GetTopicAttributes"), input: [InputField("TopicArn", .item("TopicArn"))], result: "Attributes",
                    merge: .list(named: "Attributes"))),
            columns: [
                Column("Topic", .lastSegment("TopicArn")), Column("Confirmed subscriptions", .entry("Attributes[]", key: "SubscriptionsConfirmed"), .integer),
                Column("Pending subscriptions", .entry("Attributes[]", key: "SubscriptionsPending"), .integer),
                Column("FIFO", .orElse(.entry("Attributes[]", key: "FifoTopic"), fallback: "false")),
                Column("Encryption key", .entry("Attributes[]", key: "KmsMasterKeyId")), Column("ARN", "TopicArn"),
            ],
            costServices: ["Amazon Simple Notification Service"]),
    ]
}
