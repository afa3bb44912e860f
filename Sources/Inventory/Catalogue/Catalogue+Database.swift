import AWSCore

extension Catalogue {
    static let database: [ResourceKind] = [
        ResourceKind(
            id: "rds-instances", sheet: "RDS Instances", title: "RDS DB instances", category: .database, api: .rds,
            listing: Listing(AWSOperation("DescribeDBInstances"), paging: .records, items: "DBInstances[]"),
            columns: [
                Column("Identifier", "DBInstanceIdentifier"), Column("Engine", "Engine"), Column("Version", "EngineVersion"),
                Column("Class", "DBInstanceClass"), Column("Status", "DBInstanceStatus"), Column("Multi-AZ", "MultiAZ"),
                Column("Storage (GiB)", "AllocatedStorage", .integer), Column("Storage type", "StorageType"),
                Column("Endpoint", "Endpoint.Address"), Column("Port", "Endpoint.Port", .integer), Column("AZ", "AvailabilityZone"),
                Column("Cluster", "DBClusterIdentifier"), Column("Encrypted", "StorageEncrypted"),
                Column("Created", "InstanceCreateTime", .timestamp), Column("Tags", .tags("TagList[]")),
            ],
            costServices: ["Amazon Relational Database Service"]),
        ResourceKind(
            id: "rds-clusters", sheet: "RDS Clusters", title: "RDS and Aurora DB clusters", category: .database, api: .rds,
            listing: Listing(AWSOperation("DescribeDBClusters"), paging: .records, items: "DBClusters[]"),
            columns: [
                Column("Identifier", "DBClusterIdentifier"), Column("Engine", "Engine"), Column("Version", "EngineVersion"),
                Column("Status", "Status"), Column("Members", .count("DBClusterMembers[]"), .integer), Column("Endpoint", "Endpoint"),
                Column("Reader endpoint", "ReaderEndpoint"), Column("Multi-AZ", "MultiAZ"), Column("Encrypted", "StorageEncrypted"),
                Column("Created", "ClusterCreateTime", .timestamp), Column("Tags", .tags("TagList[]")),
            ]),
        ResourceKind(
            id: "rds-proxies", sheet: "RDS Proxies", title: "RDS proxies", category: .database, api: .rds,
            listing: Listing(AWSOperation("DescribeDBProxies"), paging: .records, items: "DBProxies[]"),
            columns: [
                Column("Proxy", "DBProxyName"), Column("Engine family", "EngineFamily"), Column("Status", "Status"),
                Column("Endpoint", "Endpoint"), Column("VPC", "VpcId"), Column("TLS required", "RequireTLS"),
                Column("Idle timeout (s)", "IdleClientTimeout", .integer), Column("Created", "CreatedDate", .timestamp),
            ]),
        ResourceKind(
            id: "dynamodb-tables", sheet: "DynamoDB Tables", title: "DynamoDB tables", category: .database, api: .dynamoDB,
            // Counts and sizes from DescribeTable (refreshed by DynamoDB about every six hours): never a Scan.
            listing: Listing(
                AWSOperation("ListTables"), paging: .token("ExclusiveStartTableName", "LastEvaluatedTableName", limit: "Limit", sizes: 1...100),
                items: "TableNames[]",
                detail: DetailCall(AWSOperation("DescribeTable"), input: [InputField("TableName", .listed)], result: "Table")),
            columns: [
                Column("Table", .firstOf(["TableName", "Listed"])), Column("Status", "TableStatus"), Column("Items", "ItemCount", .integer),
                Column("Size (bytes)", "TableSizeBytes", .bytes),
                Column("Billing", .orElse(.path("BillingModeSummary.BillingMode"), fallback: "PROVISIONED")),
                Column("Key schema", .join("KeySchema[].AttributeName")),
                Column("Read capacity", "ProvisionedThroughput.ReadCapacityUnits", .integer),
                Column("Write capacity", "ProvisionedThroughput.WriteCapacityUnits", .integer),
                Column("Global indexes", .count("GlobalSecondaryIndexes[]"), .integer), Column("Created", "CreationDateTime", .timestamp),
                Column("ARN", "TableArn"),
            ],
            costServices: ["Amazon DynamoDB"]),
        ResourceKind(
            id: "elasticache-clusters", sheet: "ElastiCache Clusters", title: "ElastiCache clusters", category: .database, api: .elastiCache,
            listing: Listing(AWSOperation("DescribeCacheClusters"), paging: .records, items: "CacheClusters[]"),
            columns: [
                Column("Cluster", "CacheClusterId"), Column("Engine", "Engine"), Column("Version", "EngineVersion"),
                Column("Node type", "CacheNodeType"), Column("Nodes", "NumCacheNodes", .integer), Column("Status", "CacheClusterStatus"),
                Column("AZ", "PreferredAvailabilityZone"), Column("Replication group", "ReplicationGroupId"),
                Column("Created", "CacheClusterCreateTime", .timestamp),
            ],
            costServices: ["Amazon ElastiCache"]),
        ResourceKind(
            id: "redshift-clusters", sheet: "Redshift Clusters", title: "Redshift clusters", category: .database, api: .redshift,
            listing: Listing(AWSOperation("DescribeClusters"), paging: .records, items: "Clusters[]"),
            columns: [
                Column("Cluster", "ClusterIdentifier"), Column("Node type", "NodeType"), Column("Nodes", "NumberOfNodes", .integer),
                Column("Status", "ClusterStatus"), Column("Database", "DBName"), Column("Endpoint", "Endpoint.Address"),
                Column("VPC", "VpcId"), Column("Encrypted", "Encrypted"), Column("Created", "ClusterCreateTime", .timestamp),
                Column("Tags", .tags("Tags[]")),
            ],
            costServices: ["Amazon Redshift"]),
    ]
}
