import AWSCore

extension Catalogue {
    static let compute: [ResourceKind] = [
        ResourceKind(
            id: "ec2-instances", sheet: "EC2 Instances", title: "EC2 instances", category: .compute, api: .ec2,
            listing: Listing(AWSOperation("DescribeInstances"), paging: .ec2(), items: "reservationSet[].instancesSet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Instance ID", "instanceId"), Column("Type", "instanceType"),
                Column("AZ", "placement.availabilityZone"), Column("State", "instanceState.name"), Column("Private IP", "privateIpAddress"),
                Column("Public IP", "ipAddress"), Column("VPC", "vpcId"), Column("Subnet", "subnetId"),
                Column("Security groups", .join("groupSet[].groupId")), Column("Launch time", "launchTime", .timestamp),
                Column("Image", "imageId"), Column("Key pair", "keyName"), Column("Platform", "platformDetails"),
                Column("Instance profile", "iamInstanceProfile.arn"), Column("Tags", .tags("tagSet[]")),
            ],
            costServices: ["Amazon Elastic Compute Cloud - Compute"]),
        ResourceKind(
            id: "lambda-functions", sheet: "Lambda Functions", title: "Lambda functions", category: .compute, api: .lambda,
            listing: Listing(
                AWSOperation("ListFunctions", method: .GET, path: "/2015-03-31/functions/"),
                paging: .token("Marker", "NextMarker", limit: "MaxItems", sizes: 1...50), items: "Functions[]"),
            columns: [
                Column("Function", "FunctionName"), Column("Runtime", .orElse(.path("Runtime"), fallback: "container image")),
                Column("Handler", "Handler"), Column("Architectures", .join("Architectures[]")), Column("Memory (MB)", "MemorySize", .integer),
                Column("Timeout (s)", "Timeout", .integer), Column("Ephemeral storage (MB)", "EphemeralStorage.Size", .integer),
                Column("Code size", "CodeSize", .bytes), Column("Package", "PackageType"), Column("Tracing", "TracingConfig.Mode"),
                Column("Last modified", "LastModified", .timestamp), Column("Role", "Role"), Column("ARN", "FunctionArn"),
            ],
            costServices: ["AWS Lambda"]),
    ]

    static let containers: [ResourceKind] = [
        ResourceKind(
            id: "ecr-repositories", sheet: "ECR Repositories", title: "ECR repositories", category: .containers, api: .ecr,
            listing: Listing(AWSOperation("DescribeRepositories"), paging: .lowerNextToken(sizes: 1...1_000), items: "repositories[]"),
            columns: [
                Column("Repository", "repositoryName"), Column("URI", "repositoryUri"), Column("Tag mutability", "imageTagMutability"),
                Column("Scan on push", "imageScanningConfiguration.scanOnPush"),
                Column("Encryption", "encryptionConfiguration.encryptionType"), Column("Created", "createdAt", .timestamp),
            ],
            costServices: ["Amazon EC2 Container Registry (ECR)"]),
        ResourceKind(
            id: "ecs-clusters", sheet: "ECS Clusters", title: "ECS clusters", category: .containers, api: .ecs,
            listing: Listing(
                AWSOperation("ListClusters"), paging: .lowerNextToken(sizes: 1...100), items: "clusterArns[]",
                detail: DetailCall(
                    AWSOperation("DescribeClusters"), input: [InputField("clusters", .batch), InputField("include", .texts(["TAGS"]))],
                    batchSize: 100, result: "clusters[]", merge: .rows)),
            columns: [
                Column("Cluster", "clusterName"), Column("Status", "status"), Column("Services", "activeServicesCount", .integer),
                Column("Running tasks", "runningTasksCount", .integer), Column("Pending tasks", "pendingTasksCount", .integer),
                Column("Container instances", "registeredContainerInstancesCount", .integer), Column("Tags", .tags("tags[]")),
                Column("ARN", "clusterArn"),
            ],
            costServices: ["Amazon Elastic Container Service"]),
        ResourceKind(
            id: "eks-clusters", sheet: "EKS Clusters", title: "EKS clusters", category: .containers, api: .eks,
            listing: Listing(
                AWSOperation("ListClusters", method: .GET, path: "/clusters"), paging: .lowerNextToken(sizes: 1...100), items: "clusters[]",
                detail: DetailCall(
                    AWSOperation("DescribeCluster", method: .GET, path: "/clusters/{name}"), input: [InputField("name", .listed)],
                    result: "cluster")),
            columns: [
                Column("Cluster", .firstOf(["name", "Listed"])), Column("Version", "version"), Column("Status", "status"),
                Column("Platform", "platformVersion"), Column("Endpoint", "endpoint"), Column("VPC", "resourcesVpcConfig.vpcId"),
                Column("Created", "createdAt", .timestamp), Column("Tags", .tags("tags")), Column("ARN", "arn"),
            ],
            costServices: ["Amazon Elastic Container Service for Kubernetes"]),
    ]
}
