import AWSCore

/// The checks table in DynamoDB.
public struct DynamoDBCheckStore: CheckStore {
    let client: DynamoDBClient
    let table: String

    public init(client: DynamoDBClient, table: String) {
        self.client = client
        self.table = table
    }

    public func save(run: CheckRunRecord, monitors: [MonitorCheckRecord]) async throws {
        let existing = try await client.query(DynamoDBQuery(
            tableName: table, keyConditionExpression: "pk = :pk AND begins_with(sk, :monitor)",
            projectionExpression: "pk, sk",
            expressionAttributeValues: [":pk": .s(run.pk), ":monitor": .s(CheckKeys.monitorSortKey(""))],
            consistentRead: true
        ))
        let current = Set(monitors.map(\.sk))
        var writes: [DynamoDBWriteRequest] = try monitors.map { .put(item: try client.encoder.encode($0)) }
        for item in existing {
            guard case .s(let sortKey)? = item["sk"], !current.contains(sortKey) else { continue }
            writes.append(.delete(key: ["pk": .s(run.pk), "sk": .s(sortKey)]))
        }
        if !writes.isEmpty { try await client.batchWriteItem([table: writes]) }
        // The run record last: a reader that finds it finished also finds its monitors.
        try await client.putItem(tableName: table, run)
    }

    public func claimPost(slotID: String, function: String, requestID: String, now: Int64, staleAfterSeconds: Int64) async throws -> Bool {
        do {
            try await client.putItem(
                tableName: table,
                item: [
                    "pk": .s(CheckKeys.partitionKey(slotID: slotID)), "sk": .s(CheckKeys.postSortKey(function)),
                    "status": .s("posting"), "request_id": .s(requestID), "claimed_at": .n(String(now)),
                    "expires_at": .n(String(now / 1000 + 400 * 86_400)),
                ],
                conditionExpression: "attribute_not_exists(pk) OR #status = :failed OR (#status = :posting AND claimed_at < :stale)",
                expressionAttributeNames: ["#status": "status"],
                expressionAttributeValues: [
                    ":failed": .s("failed"), ":posting": .s("posting"), ":stale": .n(String(now - staleAfterSeconds * 1000)),
                ]
            )
            return true
        } catch let error as AWSServiceError where error.isConditionalCheckFailed {
            return false
        }
    }

    public func finishPost(slotID: String, function: String, posted: Bool, now: Int64) async throws {
        try await client.updateItem(
            tableName: table,
            key: ["pk": .s(CheckKeys.partitionKey(slotID: slotID)), "sk": .s(CheckKeys.postSortKey(function))],
            updateExpression: "SET #status = :status, finished_at = :now",
            expressionAttributeNames: ["#status": "status"],
            expressionAttributeValues: [":status": .s(posted ? "posted" : "failed"), ":now": .n(String(now))]
        )
    }
}
