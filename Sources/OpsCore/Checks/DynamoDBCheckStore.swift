import AWSCore

/// The checks table in DynamoDB: the runs, and the post markers (`DynamoDBCheckStore+PostMarkerStore`).
public struct DynamoDBCheckStore: CheckStore {
    let client: DynamoDBClient
    let table: String
    /// `OPS_RETENTION_DAYS`: post markers expire with the slot's other records.
    let retention: Retention

    public init(client: DynamoDBClient, table: String, retentionDays: Int) {
        self.client = client
        self.table = table
        retention = Retention(days: retentionDays)
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
        // One record per monitor: BatchWriteItem refuses a batch that names one key twice, on every retry.
        var current: Set<String> = []
        var writes: [DynamoDBWriteRequest] = try monitors.filter { current.insert($0.sk).inserted }.map {
            .put(item: try client.encoder.encode($0))
        }
        for item in existing {
            guard case .s(let sortKey)? = item["sk"], !current.contains(sortKey) else { continue }
            writes.append(.delete(key: ["pk": .s(run.pk), "sk": .s(sortKey)]))
        }
        if !writes.isEmpty { try await client.batchWriteItem([table: writes]) }
        // The run record last: a reader that finds it finished also finds its monitors.
        try await client.putItem(tableName: table, run)
    }
}
