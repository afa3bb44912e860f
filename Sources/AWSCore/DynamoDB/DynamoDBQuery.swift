/// A Query: the key condition and everything that narrows or orders it.
public struct DynamoDBQuery: Sendable {
    public var tableName: String
    public var indexName: String?
    public var keyConditionExpression: String
    public var filterExpression: String?
    public var projectionExpression: String?
    public var expressionAttributeNames: [String: String]?
    public var expressionAttributeValues: [String: AttributeValue]?
    /// false: descending sort-key order.
    public var scanIndexForward: Bool?
    public var consistentRead: Bool?
    /// Items evaluated per page (not in all).
    public var limit: Int?

    public init(
        tableName: String, indexName: String? = nil, keyConditionExpression: String, filterExpression: String? = nil,
        projectionExpression: String? = nil, expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: [String: AttributeValue]? = nil, scanIndexForward: Bool? = nil, consistentRead: Bool? = nil,
        limit: Int? = nil
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.keyConditionExpression = keyConditionExpression
        self.filterExpression = filterExpression
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.scanIndexForward = scanIndexForward
        self.consistentRead = consistentRead
        self.limit = limit
    }
}

/// One page of a Query; `lastEvaluatedKey` is where the next page starts, nil after the last.
public struct DynamoDBQueryPage: Sendable {
    public let items: [[String: AttributeValue]]
    public let lastEvaluatedKey: [String: AttributeValue]?
}
