import AWSCore
import Foundation
import LambdaEmulator
import NIOCore
import OpsCore
import TestSupport

/// The real `collection` bootstrap under the emulator, storing into a local stack through real SigV4-signed
/// HTTP: the way alerts get into the table in every test that needs stored alerts.
public struct CollectionStack: Sendable {
    public static let token = "local-webhook-token-0123456789"

    public let local: LocalStack
    public let emulator: RuntimeEmulator
    public let outputPath: String

    public var moto: MotoServer { local.moto }
    public var table: String { local.alertsTable }
    public var dynamoDB: DynamoDBClient { local.dynamoDB }

    /// A new local stack with collection started on it.
    public static func start() async throws -> CollectionStack {
        try await start(on: try await LocalStack.start(webhookToken: token))
    }

    /// Collection on an existing stack, provisioned with `CollectionStack.token`.
    public static func start(on local: LocalStack) async throws -> CollectionStack {
        let (emulator, outputPath) = try await local.startFunction("collection", environment: [
            "OPS_ALERTS_TABLE": local.alertsTable, "OPS_WEBHOOK_SECRET_ID": try require(local.secrets["webhook"]),
            "AWS_LAMBDA_LOG_FORMAT": "JSON",
        ], timeout: .seconds(20))
        return CollectionStack(local: local, emulator: emulator, outputPath: outputPath)
    }

    /// Posts a body as Datadog would, through the Function URL event shape; returns status and reply.
    public func post(_ body: String, token: String? = CollectionStack.token, method: String = "POST") async throws -> (status: Int, reply: [String: Any]) {
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

    /// Every stored alert of a local day, in time order, read through the by_day index.
    public func alerts(on day: String) async throws -> [Alert] {
        try await dynamoDB.query(Alert.self, DynamoDBQuery(
            tableName: table, indexName: AlertKeys.dayIndex, keyConditionExpression: "#day = :day",
            expressionAttributeNames: ["#day": "day"], expressionAttributeValues: [":day": .s(day)]
        ))
    }

    public func alert(eventID: String) async throws -> Alert? {
        try await dynamoDB.getItem(Alert.self, tableName: table, key: [
            "pk": .s(AlertKeys.partitionKey(eventID: eventID)), "sk": .s(AlertKeys.sortKey),
        ], consistentRead: true)
    }

    public var functionOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    public func shutdown() async throws {
        try await emulator.shutdown()
        try await local.shutdown()
    }
}
