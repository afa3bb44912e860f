import AWSCore

/// The post markers live in the slot's partition of the checks table (`sk = POST#<function>`).
extension DynamoDBCheckStore: PostMarkerStore {
    public func claimPost(slotID: String, function: String, requestID: String, now: Int64, claimUntil: Int64) async throws -> PostClaim {
        let key: [String: AttributeValue] = ["pk": .s(CheckKeys.partitionKey(slotID: slotID)), "sk": .s(CheckKeys.postSortKey(function))]
        do {
            try await client.putItem(
                tableName: table,
                item: key.merging([
                    "status": .s(PostMarkerStatus.posting.rawValue), "request_id": .s(requestID), "claimed_at": .n(String(now)),
                    "claim_until": .n(String(claimUntil)), "expires_at": .n(String(retention.expiresAt(epochMilliseconds: now))),
                ]) { current, _ in current },
                conditionExpression: "attribute_not_exists(pk) OR #status = :failed OR (#status = :posting AND claim_until < :now)",
                expressionAttributeNames: ["#status": "status"],
                expressionAttributeValues: [
                    ":failed": .s(PostMarkerStatus.failed.rawValue), ":posting": .s(PostMarkerStatus.posting.rawValue), ":now": .n(String(now)),
                ]
            )
            return .claimed
        } catch let error as AWSServiceError where error.isConditionalCheckFailed {
            let marker = try await client.getItem(tableName: table, key: key, consistentRead: true)
            return marker?["status"] == .s(PostMarkerStatus.posted.rawValue) ? .alreadyPosted : .inProgress
        }
    }

    public func finishPost(slotID: String, function: String, posted: Bool, now: Int64) async throws {
        let status: PostMarkerStatus = posted ? .posted : .failed
        try await client.updateItem(
            tableName: table,
            key: ["pk": .s(CheckKeys.partitionKey(slotID: slotID)), "sk": .s(CheckKeys.postSortKey(function))],
            updateExpression: "SET #status = :status, finished_at = :now",
            expressionAttributeNames: ["#status": "status"],
            expressionAttributeValues: [":status": .s(status.rawValue), ":now": .n(String(now))]
        )
    }
}
