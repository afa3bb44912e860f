import AWSCore

/// The services the catalogue calls, with the names and protocol of each one's API model.
extension ServiceAPI {
    static let iam = ServiceAPI(.iam, .query(apiVersion: "2010-05-08"))
    static let directConnect = ServiceAPI(.regional("directconnect", serviceID: "Direct Connect"), .json(version: "1.1", targetPrefix: "OvertureService"))
    static let ec2 = ServiceAPI(.regional("ec2", serviceID: "EC2"), .ec2(apiVersion: "2016-11-15"))
    static let ram = ServiceAPI(.regional("ram", serviceID: "RAM"), .restJSON)
    static let elbv2 = ServiceAPI(
        .regional("elasticloadbalancing", serviceID: "Elastic Load Balancing v2"), .query(apiVersion: "2015-12-01"))
    static let elb = ServiceAPI(.regional("elasticloadbalancing", serviceID: "Elastic Load Balancing"), .query(apiVersion: "2012-06-01"))
    static let efs = ServiceAPI(.regional("elasticfilesystem", serviceID: "EFS"), .restJSON)
    static let s3 = ServiceAPI(.s3, .restXML)
    static let ecr = ServiceAPI(
        .regional("ecr", serviceID: "ECR", endpointPrefix: "api.ecr"), .json(version: "1.1", targetPrefix: "AmazonEC2ContainerRegistry_V20150921"))
    static let ecs = ServiceAPI(.regional("ecs", serviceID: "ECS"), .json(version: "1.1", targetPrefix: "AmazonEC2ContainerServiceV20141113"))
    static let eks = ServiceAPI(.regional("eks", serviceID: "EKS"), .restJSON)
    static let rds = ServiceAPI(.regional("rds", serviceID: "RDS"), .query(apiVersion: "2014-10-31"))
    static let dynamoDB = ServiceAPI(.dynamoDB, .json(version: "1.0", targetPrefix: "DynamoDB_20120810"))
    static let elastiCache = ServiceAPI(.regional("elasticache", serviceID: "ElastiCache"), .query(apiVersion: "2015-02-02"))
    static let redshift = ServiceAPI(.regional("redshift", serviceID: "Redshift"), .query(apiVersion: "2012-12-01"))
    static let kafka = ServiceAPI(.regional("kafka", serviceID: "Kafka"), .restJSON)
    static let sqs = ServiceAPI(.regional("sqs", serviceID: "SQS"), .json(version: "1.0", targetPrefix: "AmazonSQS"))
    static let firehose = ServiceAPI(.regional("firehose", serviceID: "Firehose"), .json(version: "1.1", targetPrefix: "Firehose_20150804"))
    static let sns = ServiceAPI(.regional("sns", serviceID: "SNS"), .query(apiVersion: "2010-03-31"))
    static let lambda = ServiceAPI(.regional("lambda", serviceID: "Lambda"), .restJSON)
    static let secretsManager = ServiceAPI(.secretsManager, .json(version: "1.1", targetPrefix: "secretsmanager"))
    static let acm = ServiceAPI(.regional("acm", serviceID: "ACM"), .json(version: "1.1", targetPrefix: "CertificateManager"))
    static let kms = ServiceAPI(.regional("kms", serviceID: "KMS"), .json(version: "1.1", targetPrefix: "TrentService"))
    static let codeCommit = ServiceAPI(.regional("codecommit", serviceID: "CodeCommit"), .json(version: "1.1", targetPrefix: "CodeCommit_20150413"))
    static let codeBuild = ServiceAPI(.regional("codebuild", serviceID: "CodeBuild"), .json(version: "1.1", targetPrefix: "CodeBuild_20161006"))
    static let codeDeploy = ServiceAPI(.regional("codedeploy", serviceID: "CodeDeploy"), .json(version: "1.1", targetPrefix: "CodeDeploy_20141006"))
    static let codePipeline = ServiceAPI(
        .regional("codepipeline", serviceID: "CodePipeline"), .json(version: "1.1", targetPrefix: "CodePipeline_20150709"))
    static let codeArtifact = ServiceAPI(.regional("codeartifact", serviceID: "codeartifact"), .restJSON)
    // CloudWatch's model now prefers CBOR; the query protocol it still lists is what every region answers.
    static let cloudWatch = ServiceAPI(.regional("monitoring", serviceID: "CloudWatch"), .query(apiVersion: "2010-08-01"))
    static let logs = ServiceAPI(.regional("logs", serviceID: "CloudWatch Logs"), .json(version: "1.1", targetPrefix: "Logs_20140328"))
    static let events = ServiceAPI(.regional("events", serviceID: "EventBridge"), .json(version: "1.1", targetPrefix: "AWSEvents"))
    static let cloudTrail = ServiceAPI(
        .regional("cloudtrail", serviceID: "CloudTrail"),
        .json(version: "1.1", targetPrefix: "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"))
    static let backup = ServiceAPI(.regional("backup", serviceID: "Backup"), .restJSON)
    static let wafv2 = ServiceAPI(.regional("wafv2", serviceID: "WAFV2"), .json(version: "1.1", targetPrefix: "AWSWAF_20190729"))
    static let networkFirewall = ServiceAPI(
        .regional("network-firewall", serviceID: "Network Firewall"), .json(version: "1.0", targetPrefix: "NetworkFirewall_20201112"))
    static let shield = ServiceAPI(.regional("shield", serviceID: "Shield"), .json(version: "1.1", targetPrefix: "AWSShield_20160616"))
    static let route53 = ServiceAPI(.route53, .restXML)
    static let cloudFront = ServiceAPI(.cloudFront, .restXML)
    static let costExplorer = ServiceAPI(.costExplorer, .json(version: "1.1", targetPrefix: "AWSInsightsIndexService"))
}
