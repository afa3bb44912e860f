@testable import AWSCore
import Foundation
import TestSupport
import Testing

/// Request shapes and multi-call behaviour of the DynamoDB client, against a scripted transport.
@Suite struct DynamoDBClientTests {
    private func client(_ transport: ScriptedTransport, batchWriter: BatchWriteRetrier = BatchWriteRetrier(sleeper: RecordingSleeper())) throws -> DynamoDBClient {
        DynamoDBClient(client: TestClients.awsClient(transport), configuration: try TestClients.configuration(.dynamoDB), batchWriter: batchWriter)
    }

    @Test func putItemSpeaksJSON10WithACondition() async throws {
        let transport = ScriptedTransport([ScriptedTransport.json(200, "{}")])
        try await client(transport).putItem(
            tableName: "alerts", item: ["pk": .s("a#1")], conditionExpression: "attribute_not_exists(#pk)",
            expressionAttributeNames: ["#pk": "pk"])
        let request = try #require(transport.requests.first)
        #expect(request.method == .POST)
        #expect(request.url == "http://127.0.0.1:1/")
        #expect(request.headers.first(name: "X-Amz-Target") == "DynamoDB_20120810.PutItem")
        #expect(request.headers.first(name: "Content-Type") == "application/x-amz-json-1.0")
        #expect(request.headers.first(name: "Host") == "127.0.0.1:1")
        #expect(request.headers.first(name: "Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTEST/20251124/ap-northeast-2/dynamodb/aws4_request") == true)
        let body = try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
        #expect(body?["TableName"] as? String == "alerts")
        #expect(body?["ConditionExpression"] as? String == "attribute_not_exists(#pk)")
        #expect(body?["ExpressionAttributeValues"] == nil)
    }

    @Test func queryFollowsEveryPage() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(200, #"{"Items":[{"pk":{"S":"1"}}],"LastEvaluatedKey":{"pk":{"S":"1"}}}"#),
            ScriptedTransport.json(200, #"{"Items":[{"pk":{"S":"2"}}],"LastEvaluatedKey":{"pk":{"S":"2"}}}"#),
            ScriptedTransport.json(200, #"{"Items":[{"pk":{"S":"3"}}],"Count":1}"#),
        ])
        let query = DynamoDBQuery(tableName: "t", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": .s("x")])
        let items = try await client(transport).query(query)
        #expect(items.map { $0["pk"] } == [.s("1"), .s("2"), .s("3")])
        let bodies = transport.requests.map(\.bodyText)
        #expect(!bodies[0].contains("ExclusiveStartKey"))
        #expect(bodies[1].contains(#""ExclusiveStartKey":{"pk":{"S":"1"}}"#))
        #expect(bodies[2].contains(#""ExclusiveStartKey":{"pk":{"S":"2"}}"#))
    }

    @Test func batchWriteSendsChunksOf25AndResendsUnprocessedItems() async throws {
        let unprocessed = #"{"UnprocessedItems":{"t":[{"PutRequest":{"Item":{"pk":{"S":"7"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"old"}}}}]}}"#
        let transport = ScriptedTransport(
            [ScriptedTransport.json(200, unprocessed), ScriptedTransport.json(200, "{}"), ScriptedTransport.json(200, "{}")])
        let sleeper = RecordingSleeper()
        let writes = (0..<30).map { DynamoDBWriteRequest.put(item: ["pk": .s(String($0))]) } + [.delete(key: ["pk": .s("old")])]
        try await client(transport, batchWriter: BatchWriteRetrier(sleeper: sleeper, random: { 1 })).batchWriteItem(["t": writes])
        #expect(transport.requests.count == 3)
        #expect(transport.requests[0].bodyText.components(separatedBy: "PutRequest").count - 1 == 25)
        #expect(transport.requests[1].bodyText.components(separatedBy: "Request\"").count - 1 == 6)
        let resent = transport.requests[2].bodyText
        #expect(resent.contains(#"{"PutRequest":{"Item":{"pk":{"S":"7"}}}}"#))
        #expect(resent.contains(#"{"DeleteRequest":{"Key":{"pk":{"S":"old"}}}}"#))
        #expect(sleeper.delays == [.milliseconds(50)])
    }

    @Test func batchWriteGivesUpAfterItsRounds() async throws {
        let stuck = #"{"UnprocessedItems":{"t":[{"PutRequest":{"Item":{"pk":{"S":"1"}}}}]}}"#
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(200, stuck))
        let writer = BatchWriteRetrier(maxRounds: 3, sleeper: RecordingSleeper())
        await #expect(throws: DynamoDBBatchWriteError(unprocessed: 1, rounds: 3)) {
            try await client(transport, batchWriter: writer).batchWriteItem(["t": [.put(item: ["pk": .s("1")])]])
        }
        #expect(transport.requests.count == 3)
    }

    @Test func getItemDecodesOrReturnsNil() async throws {
        struct Row: Decodable, Equatable { let pk: String; let n: Int }
        let transport = ScriptedTransport([
            ScriptedTransport.json(200, #"{"Item":{"pk":{"S":"a"},"n":{"N":"3"}}}"#), ScriptedTransport.json(200, "{}"),
        ])
        let dynamo = try client(transport)
        #expect(try await dynamo.getItem(Row.self, tableName: "t", key: ["pk": .s("a")]) == Row(pk: "a", n: 3))
        #expect(try await dynamo.getItem(Row.self, tableName: "t", key: ["pk": .s("b")]) == nil)
    }
}
