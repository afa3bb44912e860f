import AWSCore
import Foundation
import HTTP1Client
import HTTPCore
import LambdaEmulator
import NIOHTTP1
import TestSupport

/// One moto server provisioned as the local emulation does (tables, bucket, secrets), the AWS clients a
/// test reads it with, and the functions started against it as real `bootstrap` processes.
public struct LocalStack: Sendable {
    public let moto: MotoServer
    public let prefix: String
    public let alertsTable: String
    public let checksTable: String
    public let bucket: String
    public let secrets: [String: String]
    /// The access key of the report signer user, whose key is in `secrets["report-signing"]`.
    public let reportSignerAccessKeyID: String
    public let transport: HTTP1Transport
    public let dynamoDB: DynamoDBClient
    public let s3: S3Client

    public static func start(webhookToken: String) async throws -> LocalStack {
        let moto = try await MotoServer.start(authentication: false)
        let prefix = "t\(UUID().uuidString.prefix(8).lowercased())"
        let provisioned = try LocalAWS.provision(endpoint: moto.endpoint, prefix: prefix, webhookToken: webhookToken)
        let transport = HTTP1Transport()
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: moto.accessKeyID, secretAccessKey: moto.secretAccessKey)),
            transport: transport)
        let endpoint = try AWSEndpoint(parsing: moto.endpoint)
        return LocalStack(
            moto: moto, prefix: prefix,
            alertsTable: try require(provisioned["alerts_table"] as? String, "alerts_table"),
            checksTable: try require(provisioned["checks_table"] as? String, "checks_table"),
            bucket: try require(provisioned["report_bucket"] as? String, "report_bucket"),
            secrets: try require(provisioned["secrets"] as? [String: String], "secrets"),
            reportSignerAccessKeyID: try require(provisioned["report_signer_access_key_id"] as? String, "report_signer_access_key_id"),
            transport: transport,
            dynamoDB: DynamoDBClient(
                client: client, configuration: AWSServiceConfiguration(service: .dynamoDB, region: Self.region, endpoint: endpoint)),
            s3: S3Client(client: client, configuration: AWSServiceConfiguration(service: .s3, region: Self.region, endpoint: endpoint)))
    }

    public static let region = "ap-northeast-2"

    /// Runs the product `name` under its own Runtime API emulator, with moto's endpoint and keys plus
    /// `environment`; its output goes to the returned path.
    public func startFunction(
        _ name: String, environment: [String: String], timeout: Duration = .seconds(60)
    ) async throws -> (emulator: RuntimeEmulator, outputPath: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(prefix).log").path
        let emulator = try await RuntimeEmulator(configuration: EmulatorConfiguration(
            functionName: name,
            region: Self.region,
            timeout: timeout,
            command: [RepositoryPaths.product(name)],
            environment: [
                "AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": moto.accessKeyID,
                "AWS_SECRET_ACCESS_KEY": moto.secretAccessKey, "AWS_REGION": Self.region,
            ].merging(environment) { _, given in given },
            functionOutputPath: outputPath))
        return (emulator, outputPath)
    }

    /// Creates a secret holding `value` (Secrets Manager `CreateSecret`, which AWSCore's client does not need).
    public func putSecret(name: String, value: String) async throws {
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: moto.accessKeyID, secretAccessKey: moto.secretAccessKey)),
            transport: transport)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/x-amz-json-1.1")
        headers.add(name: "X-Amz-Target", value: "secretsmanager.CreateSecret")
        let body = try JSONSerialization.data(withJSONObject: ["Name": name, "SecretString": value])
        let request = AWSRequest(endpoint: try AWSEndpoint(parsing: moto.endpoint), method: .POST, headers: headers, body: Array(body), timeout: .seconds(10))
        let context = AWSRequestContext(
            service: .secretsManager, operation: "SecretsManager.CreateSecret", region: Self.region, signingOptions: .standard,
            logger: client.logger)
        _ = try await client.send(request, context: context)
    }

    /// A published report as a browser shows it (reports are stored gzip-compressed).
    public func report(_ key: String) async throws -> String {
        try Gunzip.text(try await s3.getObject(bucket: bucket, key: key))
    }

    public func shutdown() async throws {
        try await transport.shutdown()
        moto.stop()
    }
}

/// `#require` for plain throwing code outside a test body.
public func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw Missing(what: what) }
    return value
}

public struct Missing: Error { public var what: String }

/// An invocation that did not answer with a response (a function error, a timeout, a crash).
public struct InvocationFailed: Error {
    public var result: String
    public init(result: String) { self.result = result }
}
