import AWSCore

/// The alerts table: one conditional put per delivery, so a redelivered `$ID` is stored once. The put is
/// a single request, so a failure leaves nothing half-written.
public struct DynamoDBAlertStore: AlertStore {
    let client: DynamoDBClient
    let table: String

    public init(client: DynamoDBClient, table: String) {
        self.client = client
        self.table = table
    }

    public func store(_ alert: Alert) async throws -> AlertStoreOutcome {
        do {
            try await client.putItem(tableName: table, alert, conditionExpression: "attribute_not_exists(pk)")
            return .stored
        } catch let error as AWSServiceError where error.isConditionalCheckFailed {
            return .duplicate
        }
    }
}
