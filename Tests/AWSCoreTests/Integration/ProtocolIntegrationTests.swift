@testable import AWSCore
import Foundation
import Testing
import TestSupport

/// The operation engine on each of its wire protocols against moto with signature checking on: one real call,
/// every page where moto pages, and the protocol's error shape decoded into a typed error. The resources are
/// made by boto3 (`Fixtures/protocol_fixture.py`) with the same key.
@Suite(.moto(authentication: true), .serialized)
struct ProtocolIntegrationTests {
    static let region = "ap-northeast-2"

    struct Made: Decodable {
        var instances: [String]
        var users: [String]
        var roles: [String]
        var queues: [String]
        var tables: [String]
        var log_groups: [String]
        var clusters: [String]
        var zones: [String]
    }

    /// Made once per suite run (the trait's server lives as long as the suite).
    static func fixture(_ moto: Moto) throws -> Made {
        let output = try PythonScript.run(
            "Tests/AWSCoreTests/Fixtures/protocol_fixture.py", arguments: [moto.server.endpoint, region],
            environment: ["AWS_ACCESS_KEY_ID": moto.server.accessKeyID, "AWS_SECRET_ACCESS_KEY": moto.server.secretAccessKey])
        return try JSONDecoder().decode(Made.self, from: output)
    }

    func client(_ moto: Moto, _ service: AWSService, _ wireProtocol: WireProtocol) throws -> ServiceClient {
        ServiceClient(
            client: moto.client(),
            configuration: try AWSServiceConfiguration.resolve(service, region: Self.region, environment: ["AWS_ENDPOINT_URL": moto.server.endpoint]),
            wireProtocol: wireProtocol)
    }

    /// Every page of `operation`, with the number of pages and what `path` reaches on each.
    func pages(_ service: ServiceClient, _ operation: AWSOperation, _ input: OperationInput = OperationInput(), paginator: Paginator,
               pageSize: Int, path: AWSValuePath) async throws -> (pages: Int, values: [String]) {
        var pages = 0
        var values: [String] = []
        try await service.forEachPage(operation, input, paginator: paginator, pageSize: pageSize) { page in
            pages += 1
            values += page.values(at: path).compactMap(\.text)
        }
        return (pages, values)
    }

    @Test func everyProtocolCallsPagesAndDecodesErrors() async throws {
        let moto = try Moto.require()
        let made = try Self.fixture(moto)

        // EC2's query dialect: <item> lists, nextToken.
        let ec2 = try client(moto, AWSService.regional("ec2", serviceID: "EC2"), .ec2(apiVersion: "2016-11-15"))
        let instances = try await pages(
            ec2, AWSOperation("DescribeInstances"),
            paginator: Paginator(inputToken: "NextToken", outputToken: "nextToken", resultKeys: ["reservationSet"], limitKey: "MaxResults"),
            pageSize: 5, path: "reservationSet[].instancesSet[].instanceId")
        #expect(instances.pages == 2 && Set(instances.values) == Set(made.instances), "\(instances)")
        await expectError(code: "InvalidInstanceID.NotFound", status: 400) {
            _ = try await ec2.send(AWSOperation("DescribeInstances"), OperationInput(parameters: [.init("InstanceId.1", "i-0123456789abcdef0")]))
        }

        // The query protocol: <member> lists, IsTruncated and Marker, the global IAM endpoint signed for us-east-1.
        let iam = try client(moto, .iam, .query(apiVersion: "2010-05-08"))
        #expect(iam.configuration.region == "us-east-1")
        let users = try await iam.send(AWSOperation("ListUsers")).values(at: "Users[].UserName").compactMap(\.text)
        #expect(Set(made.users).isSubset(of: Set(users)))
        let roles = try await pages(
            iam, AWSOperation("ListRoles"),
            paginator: Paginator(inputToken: "Marker", outputToken: "Marker", moreResults: "IsTruncated", resultKeys: ["Roles"], limitKey: "MaxItems"),
            pageSize: 2, path: "Roles[].RoleName")
        #expect(roles.pages == 3 && Set(roles.values) == Set(made.roles), "\(roles)")
        await expectError(code: "NoSuchEntity", status: 404) {
            _ = try await iam.send(AWSOperation("GetUser"), OperationInput(parameters: [.init("UserName", "nobody-here")]))
        }

        // JSON 1.0: SQS (one page: moto does not page ListQueues) and DynamoDB (Limit, LastEvaluatedTableName).
        let sqs = try client(moto, AWSService.regional("sqs", serviceID: "SQS"), .json(version: "1.0", targetPrefix: "AmazonSQS"))
        #expect(Set(try await sqs.send(AWSOperation("ListQueues")).values(at: "QueueUrls[]").compactMap(\.text)) == Set(made.queues))
        let dynamoDB = try client(moto, .dynamoDB, .json(version: "1.0", targetPrefix: "DynamoDB_20120810"))
        let tables = try await pages(
            dynamoDB, AWSOperation("ListTables"),
            paginator: Paginator(inputToken: "ExclusiveStartTableName", outputToken: "LastEvaluatedTableName", resultKeys: ["TableNames"], limitKey: "Limit"),
            pageSize: 2, path: "TableNames[]")
        #expect(tables.pages >= 3 && tables.values == made.tables, "\(tables)")
        await expectError(code: "ResourceNotFoundException", status: 400) {
            _ = try await dynamoDB.send(AWSOperation("DescribeTable"), OperationInput(body: .structure([.init("TableName", .string("no-such-table"))])))
        }

        // JSON 1.1: CloudWatch Logs (limit, nextToken).
        let logs = try client(moto, AWSService.regional("logs", serviceID: "CloudWatch Logs"), .json(version: "1.1", targetPrefix: "Logs_20140328"))
        let groups = try await pages(
            logs, AWSOperation("DescribeLogGroups"), OperationInput(body: .structure([.init("logGroupNamePrefix", .string("/protocol/"))])),
            paginator: Paginator(inputToken: "nextToken", outputToken: "nextToken", resultKeys: ["logGroups"], limitKey: "limit"),
            pageSize: 2, path: "logGroups[].logGroupName")
        #expect(groups.pages == 3 && groups.values == made.log_groups, "\(groups)")

        // REST-JSON: one call moto can verify (it miscalculates signatures of REST GETs, boto3's too: those are
        // paged in RESTProtocolPagingTests without checking), and its error in x-amzn-ErrorType.
        let eks = try client(moto, AWSService.regional("eks", serviceID: "EKS"), .restJSON)
        let createCluster = AWSOperation("CreateCluster", method: .POST, path: "/clusters")
        let cluster = OperationInput(body: .structure([
            .init("name", .string("protocol-cluster-new")), .init("roleArn", .string("arn:aws:iam::123456789012:role/eks")),
            .init("resourcesVpcConfig", .structure([.init("subnetIds", .list([.string("subnet-1")]))])),
        ]))
        #expect(try await eks.send(createCluster, cluster).values(at: "cluster.name").first?.text == "protocol-cluster-new")
        await expectError(code: "ResourceInUseException", status: 409) { _ = try await eks.send(createCluster, cluster) }

        // REST-XML: S3, the one REST service moto verifies GETs of: ListObjectsV2 paged by continuation token.
        let s3 = try client(moto, .s3, .restXML)
        let bucket = "protocol-\(UUID().uuidString.prefix(8).lowercased())"
        try await moto.createBucket(bucket)
        let objects = S3Client(client: moto.client(), configuration: s3.configuration)
        for index in 0..<5 { try await objects.putObject(bucket: bucket, key: "k\(index)", body: Array("\(index)".utf8)) }
        let listed = try await pages(
            s3, AWSOperation("ListObjectsV2", method: .GET, path: "/{Bucket}"), OperationInput(parameters: [.init("list-type", "2")], pathLabels: ["Bucket": bucket]),
            paginator: Paginator(inputToken: "continuation-token", outputToken: "NextContinuationToken", resultKeys: ["Contents"], limitKey: "max-keys"),
            pageSize: 2, path: "Contents[].Key")
        #expect(listed.pages == 3 && listed.values == (0..<5).map { "k\($0)" }, "\(listed)")
        await expectError(code: "NoSuchBucket", status: 404) {
            _ = try await s3.send(AWSOperation("ListObjectsV2", method: .GET, path: "/{Bucket}"), OperationInput(pathLabels: ["Bucket": "no-such-bucket-here"]))
        }
    }

    /// A wrong secret fails the signature on every protocol, and says so as a typed error.
    @Test func aWrongSecretIsASignatureErrorOnEveryProtocol() async throws {
        let moto = try Moto.require()
        let wrong = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: moto.server.accessKeyID, secretAccessKey: "wrong")), transport: moto.transport)
        let calls: [(AWSService, WireProtocol, AWSOperation)] = [
            (AWSService.regional("ec2", serviceID: "EC2"), .ec2(apiVersion: "2016-11-15"), AWSOperation("DescribeInstances")),
            (.iam, .query(apiVersion: "2010-05-08"), AWSOperation("ListUsers")),
            (.dynamoDB, .json(version: "1.0", targetPrefix: "DynamoDB_20120810"), AWSOperation("ListTables")),
            (AWSService.regional("eks", serviceID: "EKS"), .restJSON, AWSOperation("CreateCluster", method: .POST, path: "/clusters")),
        ]
        for (service, wireProtocol, operation) in calls {
            let configuration = try AWSServiceConfiguration.resolve(service, region: Self.region, environment: ["AWS_ENDPOINT_URL": moto.server.endpoint])
            let client = ServiceClient(client: wrong, configuration: configuration, wireProtocol: wireProtocol)
            await #expect(throws: AWSServiceError.self, "\(service.serviceID)") { _ = try await client.send(operation) }
            do {
                _ = try await client.send(operation)
            } catch let error as AWSServiceError {
                #expect(error.isSignatureError || error.isAccessDenied, "\(service.serviceID): \(error)")
            }
        }
    }

    func expectError(code: String, status: Int, sourceLocation: SourceLocation = #_sourceLocation, _ call: () async throws -> Void) async {
        do {
            try await call()
            Issue.record("no error, \(code) expected", sourceLocation: sourceLocation)
        } catch let error as AWSServiceError {
            #expect(error.code == code && error.status == status, "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
    }
}
