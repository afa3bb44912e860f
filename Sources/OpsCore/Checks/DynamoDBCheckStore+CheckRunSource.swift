import AWSCore

extension DynamoDBCheckStore: CheckRunSource {
    /// Strongly consistent: the check of the same slot finished minutes ago. Monitors are read only for a
    /// finished (or incomplete) run: while a re-run is under way they are still the previous run's.
    public func checkRun(slotID: String) async throws -> CheckRunSummary {
        let partition = CheckKeys.partitionKey(slotID: slotID)
        let record = try await client.getItem(
            CheckRunRecord.self, tableName: table, key: ["pk": .s(partition), "sk": .s(CheckKeys.runSortKey)], consistentRead: true)
        guard record?.status == .known(.finished) || record?.status == .known(.incomplete) else { return CheckRunSummary(slotID: slotID, record: record, notOK: []) }
        let notOK = try await client.query(MonitorCheckRecord.self, DynamoDBQuery(
            tableName: table, keyConditionExpression: "pk = :pk AND begins_with(sk, :monitor)",
            filterExpression: "#class <> :ok", expressionAttributeNames: ["#class": "class"],
            expressionAttributeValues: [
                ":pk": .s(partition), ":monitor": .s(CheckKeys.monitorSortKey("")), ":ok": .s(CheckClass.ok.rawValue),
            ],
            consistentRead: true))
        return CheckRunSummary(slotID: slotID, record: record, notOK: notOK.sorted(by: MonitorCheckRecord.displayOrder))
    }
}

extension MonitorCheckRecord {
    /// The check report's order: worst class first, then priority, then label.
    static func displayOrder(_ lhs: MonitorCheckRecord, _ rhs: MonitorCheckRecord) -> Bool {
        CheckClass.displayOrder((lhs.urgency, lhs.priority, lhs.label), (rhs.urgency, rhs.priority, rhs.label))
    }

    /// A class this version does not know sorts first: unknown is never assumed fine.
    private var urgency: Int { checkClass.known?.urgency ?? -1 }
}
