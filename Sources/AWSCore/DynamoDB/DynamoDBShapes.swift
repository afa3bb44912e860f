/// Request and response bodies of the DynamoDB operations we use, in the service's own JSON names.
/// Optional members left nil are not sent.
enum DynamoDBShapes {
    struct PutItemInput: Encodable {
        let TableName: String
        let Item: [String: AttributeValue]
        let ConditionExpression: String?
        let ExpressionAttributeNames: [String: String]?
        let ExpressionAttributeValues: [String: AttributeValue]?
    }

    struct GetItemInput: Encodable {
        let TableName: String
        let Key: [String: AttributeValue]
        let ConsistentRead: Bool?
        let ProjectionExpression: String?
        let ExpressionAttributeNames: [String: String]?
    }

    struct GetItemOutput: Decodable {
        let Item: [String: AttributeValue]?
    }

    struct UpdateItemInput: Encodable {
        let TableName: String
        let Key: [String: AttributeValue]
        let UpdateExpression: String
        let ConditionExpression: String?
        let ExpressionAttributeNames: [String: String]?
        let ExpressionAttributeValues: [String: AttributeValue]?
        let ReturnValues: String?
    }

    struct UpdateItemOutput: Decodable {
        let Attributes: [String: AttributeValue]?
    }

    struct QueryInput: Encodable {
        let TableName: String
        let IndexName: String?
        let KeyConditionExpression: String
        let FilterExpression: String?
        let ProjectionExpression: String?
        let ExpressionAttributeNames: [String: String]?
        let ExpressionAttributeValues: [String: AttributeValue]?
        let ScanIndexForward: Bool?
        let ConsistentRead: Bool?
        let Limit: Int?
        let ExclusiveStartKey: [String: AttributeValue]?
    }

    struct QueryOutput: Decodable {
        let Items: [[String: AttributeValue]]?
        let LastEvaluatedKey: [String: AttributeValue]?
    }

    struct BatchWriteItemInput: Encodable {
        let RequestItems: [String: [DynamoDBWriteRequest]]
    }

    struct BatchWriteItemOutput: Decodable {
        let UnprocessedItems: [String: [DynamoDBWriteRequest]]?
    }

    /// For operations whose answer carries nothing we use.
    struct Ignored: Decodable {}
}

/// One entry of a BatchWriteItem: a put or a delete.
public enum DynamoDBWriteRequest: Sendable, Equatable, Codable {
    case put(item: [String: AttributeValue])
    case delete(key: [String: AttributeValue])

    private enum CodingKeys: String, CodingKey { case PutRequest, DeleteRequest }
    private enum PutKeys: String, CodingKey { case Item }
    private enum DeleteKeys: String, CodingKey { case Key }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.PutRequest) {
            let put = try container.nestedContainer(keyedBy: PutKeys.self, forKey: .PutRequest)
            self = .put(item: try put.decode([String: AttributeValue].self, forKey: .Item))
        } else {
            let delete = try container.nestedContainer(keyedBy: DeleteKeys.self, forKey: .DeleteRequest)
            self = .delete(key: try delete.decode([String: AttributeValue].self, forKey: .Key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .put(let item):
            var put = container.nestedContainer(keyedBy: PutKeys.self, forKey: .PutRequest)
            try put.encode(item, forKey: .Item)
        case .delete(let key):
            var delete = container.nestedContainer(keyedBy: DeleteKeys.self, forKey: .DeleteRequest)
            try delete.encode(key, forKey: .Key)
        }
    }
}
