import AWSCore

/// The checks table in DynamoDB.
public struct DynamoDBCheckStore: CheckStore {
    let client: DynamoDBClient
    let table: String
    /// `OPS_RETENTION_DAYS`: post markers expire with the slot's other records.
    let retentionDays: Int

    public init(client: DynamoDBClient, table: String, retentionDays: Int) {
        self.client = client
        self.table = table
        self.retentionDays = retentionDays
    }

    public func begin(run: CheckRunRecord) async throws {
        try await client.putItem(tableName: table, run)
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

    public func claimPost(slotID: String, function: String, requestID: String, now: Int64, claimUntil: Int64) async throws -> PostClaim {
        let key: [String: AttributeValue] = ["pk": .s(CheckKeys.partitionKey(slotID: slotID)), "sk": .s(CheckKeys.postSortKey(function))]
        do {
            try await client.putItem(
                tableName: table,
                item: key.merging([
                    "status": .s("posting"), "request_id": .s(requestID), "claimed_at": .n(String(now)),
                    "claim_until": .n(String(claimUntil)), "expires_at": .n(String(now / 1000 + Int64(retentionDays) * 86_400)),
                ]) { current, _ in current },
                conditionExpression: "attribute_not_exists(pk) OR #status = :failed OR (#status = :posting AND claim_until < :now)",
                expressionAttributeNames: ["#status": "status"],
                expressionAttributeValues: [":failed": .s("failed"), ":posting": .s("posting"), ":now": .n(String(now))]
            )
            return .claimed
        } catch let error as AWSServiceError where error.isConditionalCheckFailed {
            let marker = try await client.getItem(tableName: table, key: key, consistentRead: true)
            return marker?["status"] == .s("posted") ? .alreadyPosted : .inProgress
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
