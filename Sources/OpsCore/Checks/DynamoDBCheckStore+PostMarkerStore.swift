import AWSCore

/// The post markers live in the slot's partition of the checks table (`sk = POST#<function>`).
extension DynamoDBCheckStore: PostMarkerStore {
    public func claimPost(
        slotID: String, function: String, requestID: String, token: String, now: Int64, claimUntil: Int64
    ) async throws -> PostClaim {
        let key: [String: AttributeValue] = ["pk": .s(CheckKeys.partitionKey(slotID: slotID)), "sk": .s(CheckKeys.postSortKey(function))]
        do {
            try await client.putItem(
                tableName: table,
                item: key.merging([
                    "status": .s(PostMarkerStatus.posting.rawValue), "request_id": .s(requestID), "claim_token": .s(token),
                    "claimed_at": .n(String(now)),
                    "claim_until": .n(String(claimUntil)), "expires_at": .n(String(retention.expiresAt(epochMilliseconds: now))),
                ]) { current, _ in current },
                conditionExpression: """
                    attribute_not_exists(pk) OR #status = :failed OR (#status = :posting AND (claim_until < :now OR request_id = :request))
                    """,
                expressionAttributeNames: ["#status": "status"],
                expressionAttributeValues: [
                    ":failed": .s(PostMarkerStatus.failed.rawValue), ":posting": .s(PostMarkerStatus.posting.rawValue), ":now": .n(String(now)),
                    ":request": .s(requestID),
                ]
            )
            return .claimed
        } catch let error as AWSServiceError where error.isConditionalCheckFailed {
            // A retry of our own write (its first answer lost) fails the condition against what it wrote.
            let marker = try await client.getItem(tableName: table, key: key, consistentRead: true)
            if marker?["claim_token"] == .s(token) && marker?["status"] == .s(PostMarkerStatus.posting.rawValue) { return .claimed }
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
