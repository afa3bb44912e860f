import AWSCore

extension Catalogue {
    static let storage: [ResourceKind] = [
        ResourceKind(
            id: "ebs-volumes", sheet: "EBS Volumes", title: "EBS volumes", category: .storage, api: .ec2,
            listing: Listing(AWSOperation("DescribeVolumes"), paging: .ec2(max: 500), items: "volumeSet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Volume ID", "volumeId"), Column("Size (GiB)", "size", .integer),
                Column("Type", "volumeType"), Column("IOPS", "iops", .integer), Column("Throughput (MB/s)", "throughput", .integer),
                Column("State", "status"), Column("AZ", "availabilityZone"), Column("Encrypted", "encrypted"),
                Column("Attached to", .join("attachmentSet[].instanceId")), Column("Device", .join("attachmentSet[].device")),
                Column("Created", "createTime", .timestamp), Column("Tags", .tags("tagSet[]")),
            ],
            // Cost Explorer books EBS (with NAT gateway hours, snapshots, idle addresses) under "EC2 - Other".
            costServices: ["EC2 - Other"]),
        ResourceKind(
            id: "efs-file-systems", sheet: "EFS File Systems", title: "EFS file systems", category: .storage, api: .efs,
            listing: Listing(
                AWSOperation("DescribeFileSystems", method: .GET, path: "/2015-02-01/file-systems"),
                paging: .token("Marker", "NextMarker", limit: "MaxItems", sizes: 1...100), items: "FileSystems[]"),
            columns: [
                Column("Name", "Name"), Column("File system ID", "FileSystemId"), Column("State", "LifeCycleState"),
                Column("Size (bytes)", "SizeInBytes.Value", .bytes), Column("Performance", "PerformanceMode"),
                Column("Throughput", "ThroughputMode"), Column("Encrypted", "Encrypted"),
                Column("Mount targets", "NumberOfMountTargets", .integer), Column("Created", "CreationTime", .timestamp),
                Column("Tags", .tags("Tags[]")),
            ],
            costServices: ["Amazon Elastic File System"]),
        ResourceKind(
            id: "s3-buckets", sheet: "S3 Buckets", title: "S3 buckets", category: .storage, api: .s3, reach: .global(),
            listing: Listing(
                // No `max-buckets`: without it ListBuckets answers every bucket up to 10,000, and a token only beyond.
                AWSOperation("ListBuckets", method: .GET, path: "/"), paging: .token("continuation-token", "ContinuationToken"),
                items: "Buckets[]",
                enrichment: .s3BucketFacts),
            columns: [
                Column("Bucket", "Name"), Column("Region", "Region"), Column("Created", "CreationDate", .timestamp),
                Column("Objects", "ObjectCount", .integer), Column("Size (bytes)", "SizeBytes", .bytes), Column("Size (GiB)", "SizeGiB", .decimal),
            ],
            costServices: ["Amazon Simple Storage Service"]),
    ]
}
