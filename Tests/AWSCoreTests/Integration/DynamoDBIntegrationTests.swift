@testable import AWSCore
import Foundation
import Testing

/// DynamoDB against moto with signature checking on.
@Suite(.moto(authentication: true))
struct DynamoDBIntegrationTests {
    struct CreateTable: Encodable {
        struct Attribute: Encodable { let AttributeName: String; let AttributeType: String }
        struct Key: Encodable { let AttributeName: String; let KeyType: String }
        let TableName: String
        let AttributeDefinitions = [Attribute(AttributeName: "pk", AttributeType: "S"), Attribute(AttributeName: "sk", AttributeType: "S")]
        let KeySchema = [Key(AttributeName: "pk", KeyType: "HASH"), Key(AttributeName: "sk", KeyType: "RANGE")]
        let BillingMode = "PAY_PER_REQUEST"
    }

    struct Alert: Codable, Equatable {
        let pk: String
        let sk: String
        let id: String
        let dateMillis: Int64
        let tags: [String]
        let test: Bool
        let note: String?
    }

    private func table(_ name: String) async throws -> (DynamoDBClient, String) {
        let moto = try Moto.require()
        let table = "\(name)-\(UUID().uuidString.prefix(8))"
        try await moto.jsonCall(.dynamoDB, version: "1.0", target: "DynamoDB_20120810", operation: "CreateTable", input: CreateTable(TableName: table))
        return (DynamoDBClient(client: moto.client(), configuration: try moto.configuration(.dynamoDB)), table)
    }

    @Test func conditionalPutIsRejectedWithTheTypedError() async throws {
        let (dynamo, table) = try await table("alerts")
        let alert = Alert(pk: "day#2026-11-25", sk: "1732500000000#1234567890123456789", id: "1234567890123456789", dateMillis: 1_732_500_000_000, tags: ["env:prod"], test: false, note: nil)
        let condition = "attribute_not_exists(pk)"
        try await dynamo.putItem(tableName: table, alert, conditionExpression: condition)
        await #expect {
            try await dynamo.putItem(tableName: table, alert, conditionExpression: condition)
        } throws: { error in
            (error as? AWSServiceError)?.isConditionalCheckFailed == true
        }
        let stored = try await dynamo.getItem(Alert.self, tableName: table, key: ["pk": .s(alert.pk), "sk": .s(alert.sk)], consistentRead: true)
        #expect(stored == alert)
    }

    @Test func updateItemThenGetItem() async throws {
        let (dynamo, table) = try await table("checks")
        let key: [String: AttributeValue] = ["pk": .s("run#2026-11-25T09:00"), "sk": .s("run")]
        try await dynamo.putItem(tableName: table, item: key.merging(["count": .n("1")]) { $1 })
        let updated = try await dynamo.updateItem(
            tableName: table, key: key, updateExpression: "SET #c = #c + :one, #s = :s", conditionExpression: "attribute_exists(pk)",
            expressionAttributeNames: ["#c": "count", "#s": "state"], expressionAttributeValues: [":one": .n("1"), ":s": .s("finished")],
            returnValues: "ALL_NEW")
        #expect(updated?["count"] == .n("2"))
        let item = try await dynamo.getItem(tableName: table, key: key, consistentRead: true)
        #expect(item?["state"] == .s("finished"))
        #expect(try await dynamo.getItem(tableName: table, key: ["pk": .s("none"), "sk": .s("none")]) == nil)
    }

    @Test func batchWriteOfAHundredThenAQueryOverManyPages() async throws {
        let (dynamo, table) = try await table("batch")
        let writes = (0..<100).map { index in
            DynamoDBWriteRequest.put(item: ["pk": .s("day#2026-11-25"), "sk": .s(String(format: "%05d", index)), "n": .n(String(index))])
        }
        try await dynamo.batchWriteItem([table: writes])

        var query = DynamoDBQuery(
            tableName: table, keyConditionExpression: "pk = :pk", expressionAttributeValues: [":pk": .s("day#2026-11-25")], limit: 30)
        let all = try await dynamo.query(query)
        #expect(all.count == 100)
        #expect(all.map { $0["sk"] } == (0..<100).map { .s(String(format: "%05d", $0)) })

        var pages = 0
        var startKey: [String: AttributeValue]?
        repeat {
            let page = try await dynamo.queryPage(query, exclusiveStartKey: startKey)
            pages += 1
            startKey = page.lastEvaluatedKey
        } while startKey != nil
        #expect(pages >= 4)

        query.scanIndexForward = false
        query.limit = 7
        #expect(try await dynamo.query(query).first?["sk"] == .s("00099"))
    }

    @Test func wrongSecretKeyIsASignatureError() async throws {
        let moto = try Moto.require()
        let (_, table) = try await table("denied")
        let wrong = AWSCredentials(accessKeyID: moto.server.accessKeyID, secretAccessKey: "not-the-secret")
        let dynamo = DynamoDBClient(client: moto.client(credentials: wrong), configuration: try moto.configuration(.dynamoDB))
        await #expect {
            try await dynamo.getItem(tableName: table, key: ["pk": .s("a"), "sk": .s("b")])
        } throws: { error in
            guard let error = error as? AWSServiceError else { return false }
            return error.isSignatureError && error.status == 403
        }
        let unknown = AWSCredentials(accessKeyID: "AKIDUNKNOWN000000000", secretAccessKey: "x")
        let stranger = DynamoDBClient(client: moto.client(credentials: unknown), configuration: try moto.configuration(.dynamoDB))
        await #expect {
            try await stranger.getItem(tableName: table, key: ["pk": .s("a"), "sk": .s("b")])
        } throws: { error in
            (error as? AWSServiceError)?.isAccessDenied == true
        }
    }
}
