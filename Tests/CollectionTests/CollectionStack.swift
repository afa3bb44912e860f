import AWSCore
import Foundation
import LambdaEmulator
import NIOCore
import OpsCore
import TestSupport

/// The real `collection` bootstrap under the emulator, storing into its own moto server through real
/// SigV4-signed HTTP, with tables and secrets provisioned as the local emulation does.
struct CollectionStack {
    static let token = "local-webhook-token-0123456789"

    let moto: MotoServer
    let emulator: RuntimeEmulator
    let table: String
    let dynamoDB: DynamoDBClient
    let transport: AsyncHTTPClientTransport
    let outputPath: String

    static func start() async throws -> CollectionStack {
        let moto = try await MotoServer.start(authentication: false)
        let prefix = "t\(UUID().uuidString.prefix(8).lowercased())"
        let provisioned = try LocalAWS.provision(endpoint: moto.endpoint, prefix: prefix, webhookToken: token)
        let table = try require(provisioned["alerts_table"] as? String)
        let secrets = try require(provisioned["secrets"] as? [String: String])
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("collection-\(prefix).log").path
        let environment = [
            "AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": moto.accessKeyID,
            "AWS_SECRET_ACCESS_KEY": moto.secretAccessKey, "AWS_REGION": "ap-northeast-2",
            "OPS_ALERTS_TABLE": table, "OPS_WEBHOOK_SECRET_ID": try require(secrets["webhook"]),
            "AWS_LAMBDA_LOG_FORMAT": "JSON",
        ]
        let emulator = try await RuntimeEmulator(configuration: EmulatorConfiguration(
            functionName: "collection",
            region: "ap-northeast-2",
            timeout: .seconds(20),
            command: [RepositoryPaths.product("collection")],
            environment: environment,
            functionOutputPath: outputPath
        ))
        let transport = AsyncHTTPClientTransport()
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: moto.accessKeyID, secretAccessKey: moto.secretAccessKey)),
            transport: transport
        )
        let dynamoDB = DynamoDBClient(
            client: client,
            configuration: AWSServiceConfiguration(
                service: .dynamoDB, region: "ap-northeast-2", endpoint: try AWSEndpoint(parsing: moto.endpoint))
        )
        return CollectionStack(
            moto: moto, emulator: emulator, table: table, dynamoDB: dynamoDB, transport: transport, outputPath: outputPath)
    }


    /// Posts a body as Datadog would, through the Function URL event shape; returns status and reply.
    func post(_ body: String, token: String? = CollectionStack.token, method: String = "POST") async throws -> (status: Int, reply: [String: Any]) {
        var headers = ["content-type": "application/json", "user-agent": "Datadog/Webhooks"]
        if let token { headers["x-ops-webhook-token"] = token }
        let event: [String: Any] = [
            "version": "2.0", "routeKey": "$default", "rawPath": "/", "rawQueryString": "", "headers": headers,
            "requestContext": ["http": ["method": method, "path": "/", "sourceIp": "198.51.100.7"], "requestId": UUID().uuidString],
            "body": body, "isBase64Encoded": false,
        ]
        let payload = try JSONSerialization.data(withJSONObject: event)
        let result = try await emulator.invoke(ByteBuffer(bytes: payload))
        guard case .response(let bytes) = result else { throw InvocationFailed(result: "\(result)") }
        let response = try require(try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any])
        let status = try require(response["statusCode"] as? Int)
        let reply = try JSONSerialization.jsonObject(with: Data(((response["body"] as? String) ?? "{}").utf8)) as? [String: Any]
        return (status, reply ?? [:])
    }

    struct InvocationFailed: Error { var result: String }

    /// Every stored alert of a local day, in time order, read through the by_day index.
    func alerts(on day: String) async throws -> [Alert] {
        try await dynamoDB.query(Alert.self, DynamoDBQuery(
            tableName: table, indexName: AlertKeys.dayIndex, keyConditionExpression: "#day = :day",
            expressionAttributeNames: ["#day": "day"], expressionAttributeValues: [":day": .s(day)]
        ))
    }

    func alert(eventID: String) async throws -> Alert? {
        try await dynamoDB.getItem(Alert.self, tableName: table, key: [
            "pk": .s(AlertKeys.partitionKey(eventID: eventID)), "sk": .s(AlertKeys.sortKey),
        ], consistentRead: true)
    }

    var functionOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    func shutdown() async throws {
        try await emulator.shutdown()
        try await transport.shutdown()
        moto.stop()
    }
}

/// `#require` for plain throwing code outside a test body.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw Missing(what: what) }
    return value
}

struct Missing: Error { var what: String }
