/// DynamoDB over its JSON 1.0 protocol: the item operations the functions need, and `Codable` conveniences
/// on top of them through the attribute coders.
public struct DynamoDBClient: Sendable {
    private let protocolClient: ServiceClient
    private let batchWriter: BatchWriteRetrier
    public var encoder = AttributeValueEncoder()
    public var decoder = AttributeValueDecoder()

    public init(client: AWSClient, configuration: AWSServiceConfiguration, batchWriter: BatchWriteRetrier = BatchWriteRetrier()) {
        protocolClient = ServiceClient(client: client, configuration: configuration, wireProtocol: .json(version: "1.0", targetPrefix: "DynamoDB_20120810"))
        self.batchWriter = batchWriter
    }

    /// Writes an item; with a condition, a failed condition throws an `AWSServiceError` whose `isConditionalCheckFailed`.
    public func putItem(
        tableName: String, item: [String: AttributeValue], conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: [String: AttributeValue]? = nil
    ) async throws {
        let input = DynamoDBShapes.PutItemInput(
            TableName: tableName, Item: item, ConditionExpression: conditionExpression,
            ExpressionAttributeNames: expressionAttributeNames, ExpressionAttributeValues: expressionAttributeValues)
        _ = try await protocolClient.sendJSON("PutItem", input: input, as: DynamoDBShapes.Ignored.self)
    }

    public func putItem(
        tableName: String, _ value: some Encodable, conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: [String: AttributeValue]? = nil
    ) async throws {
        try await putItem(
            tableName: tableName, item: try encoder.encode(value), conditionExpression: conditionExpression,
            expressionAttributeNames: expressionAttributeNames, expressionAttributeValues: expressionAttributeValues)
    }

    /// The item with `key`, or nil when there is none.
    public func getItem(
        tableName: String, key: [String: AttributeValue], consistentRead: Bool? = nil, projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil
    ) async throws -> [String: AttributeValue]? {
        let input = DynamoDBShapes.GetItemInput(
            TableName: tableName, Key: key, ConsistentRead: consistentRead, ProjectionExpression: projectionExpression,
            ExpressionAttributeNames: expressionAttributeNames)
        return try await protocolClient.sendJSON("GetItem", input: input, as: DynamoDBShapes.GetItemOutput.self).Item
    }

    public func getItem<Item: Decodable>(
        _ type: Item.Type, tableName: String, key: [String: AttributeValue], consistentRead: Bool? = nil
    ) async throws -> Item? {
        try await getItem(tableName: tableName, key: key, consistentRead: consistentRead).map { try decoder.decode(type, from: $0) }
    }

    /// Applies `updateExpression`; returns the attributes `returnValues` asks for (`ALL_NEW`, `UPDATED_OLD`, …).
    @discardableResult
    public func updateItem(
        tableName: String, key: [String: AttributeValue], updateExpression: String, conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil, expressionAttributeValues: [String: AttributeValue]? = nil,
        returnValues: String? = nil
    ) async throws -> [String: AttributeValue]? {
        let input = DynamoDBShapes.UpdateItemInput(
            TableName: tableName, Key: key, UpdateExpression: updateExpression, ConditionExpression: conditionExpression,
            ExpressionAttributeNames: expressionAttributeNames, ExpressionAttributeValues: expressionAttributeValues,
            ReturnValues: returnValues)
        return try await protocolClient.sendJSON("UpdateItem", input: input, as: DynamoDBShapes.UpdateItemOutput.self).Attributes
    }

    /// One page, starting after `exclusiveStartKey` (nil: from the beginning).
    public func queryPage(_ query: DynamoDBQuery, exclusiveStartKey: [String: AttributeValue]? = nil) async throws -> DynamoDBQueryPage {
        let input = DynamoDBShapes.QueryInput(
            TableName: query.tableName, IndexName: query.indexName, KeyConditionExpression: query.keyConditionExpression,
            FilterExpression: query.filterExpression, ProjectionExpression: query.projectionExpression,
            ExpressionAttributeNames: query.expressionAttributeNames, ExpressionAttributeValues: query.expressionAttributeValues,
            ScanIndexForward: query.scanIndexForward, ConsistentRead: query.consistentRead, Limit: query.limit,
            ExclusiveStartKey: exclusiveStartKey)
        let output = try await protocolClient.sendJSON("Query", input: input, as: DynamoDBShapes.QueryOutput.self)
        return DynamoDBQueryPage(items: output.Items ?? [], lastEvaluatedKey: output.LastEvaluatedKey)
    }

    /// Every item the query matches, following `LastEvaluatedKey` through all pages.
    public func query(_ query: DynamoDBQuery) async throws -> [[String: AttributeValue]] {
        var items: [[String: AttributeValue]] = []
        var startKey: [String: AttributeValue]?
        repeat {
            let page = try await queryPage(query, exclusiveStartKey: startKey)
            items += page.items
            startKey = page.lastEvaluatedKey
        } while startKey != nil
        return items
    }

    public func query<Item: Decodable>(_ type: Item.Type, _ query: DynamoDBQuery) async throws -> [Item] {
        try await self.query(query).map { try decoder.decode(type, from: $0) }
    }

    /// Writes any number of puts and deletes: 25 per call, re-sending what DynamoDB leaves unprocessed
    /// with backoff until everything is written or the rounds run out.
    public func batchWriteItem(_ requests: [String: [DynamoDBWriteRequest]]) async throws {
        try await batchWriter.write(requests) { chunk in
            let output = try await protocolClient.sendJSON(
                "BatchWriteItem", input: DynamoDBShapes.BatchWriteItemInput(RequestItems: chunk),
                as: DynamoDBShapes.BatchWriteItemOutput.self)
            return output.UnprocessedItems ?? [:]
        }
    }
}
