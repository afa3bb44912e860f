import Logging

/// Posts a function's Slack message for a slot at most once, however often Lambda retries the scheduled
/// invocation: the post is claimed in the checks table first, and its end recorded. A manual run is an
/// operator asking again, so it always posts.
public struct OncePerSlotPoster: Sendable {
    public let function: String
    public let store: any CheckStore
    public let slack: any SlackPoster
    public let clock: @Sendable () -> Instant

    /// A post claimed by an invocation that never finished is given up after this long.
    static let staleClaimSeconds: Int64 = 600

    public init(function: String, store: any CheckStore, slack: any SlackPoster, clock: @escaping @Sendable () -> Instant) {
        self.function = function
        self.store = store
        self.slack = slack
        self.clock = clock
    }

    /// True when this call posted; false when the slot's post was already made or is being made.
    public func post(_ message: SlackMessage, slotID: String, manual: Bool, requestID: String, logger: Logger) async throws -> Bool {
        if !manual {
            let claimed = try await store.claimPost(
                slotID: slotID, function: function, requestID: requestID, now: clock().epochMilliseconds,
                staleAfterSeconds: Self.staleClaimSeconds)
            guard claimed else {
                logger.info("already posted for this slot; not posting again", metadata: ["slot": "\(slotID)"])
                return false
            }
        }
        do {
            _ = try await slack.post(message)
        } catch {
            if !manual { try await store.finishPost(slotID: slotID, function: function, posted: false, now: clock().epochMilliseconds) }
            throw error
        }
        if !manual { try await store.finishPost(slotID: slotID, function: function, posted: true, now: clock().epochMilliseconds) }
        return true
    }
}
