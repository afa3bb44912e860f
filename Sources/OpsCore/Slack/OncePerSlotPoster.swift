import CivilTime
import Logging

/// Posts a function's Slack message for a slot at most once, however often Lambda retries the scheduled
/// invocation: the post is claimed first (a marker in the checks table), and its end recorded. A manual run is an
/// operator asking again, so it always posts.
public struct OncePerSlotPoster: Sendable {
    public let function: String
    public let store: any PostMarkerStore
    public let slack: any SlackPoster
    public let clock: @Sendable () -> Instant
    /// A new claim token for each claim attempt.
    public let makeToken: @Sendable () -> String

    public init(
        function: String, store: any PostMarkerStore, slack: any SlackPoster, clock: @escaping @Sendable () -> Instant,
        makeToken: @escaping @Sendable () -> String = OncePerSlotPoster.randomToken
    ) {
        self.function = function
        self.store = store
        self.slack = slack
        self.clock = clock
        self.makeToken = makeToken
    }

    /// 128 random bits as hex.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next(), radix: 16) + "-" + String(generator.next(), radix: 16)
    }

    /// True when this call posted; false when the slot's post was already made. Throws `PostInProgress`
    /// while another invocation holds the claim: failing (and being retried, or reaching the dead-letter
    /// queue) is loud, where answering "done" could lose the message if that invocation dies.
    public func post(
        _ message: SlackMessage, slotID: String, manual: Bool, requestID: String, deadline: Instant, logger: Logger
    ) async throws -> Bool {
        if !manual {
            switch try await store.claimPost(
                slotID: slotID, function: function, requestID: requestID, token: makeToken(), now: clock().epochMilliseconds,
                claimUntil: deadline.epochMilliseconds)
            {
            case .claimed: break
            case .alreadyPosted:
                logger.info("already posted for this slot; not posting again", metadata: ["slot": "\(slotID)"])
                return false
            case .inProgress:
                throw PostInProgress(slotID: slotID, function: function)
            }
        }
        do {
            _ = try await slack.post(message)
        } catch {
            if !manual { await finish(slotID: slotID, posted: false, logger: logger) }
            throw error
        }
        if !manual { await finish(slotID: slotID, posted: true, logger: logger) }
        return true
    }

    /// A marker that cannot be updated must not hide what happened to the post itself: logged, not thrown.
    private func finish(slotID: String, posted: Bool, logger: Logger) async {
        do {
            try await store.finishPost(slotID: slotID, function: function, posted: posted, now: clock().epochMilliseconds)
        } catch {
            logger.error("post marker not updated; a retry after this invocation's deadline may post again", metadata: [
                "slot": "\(slotID)", "posted": "\(posted)", "error": "\(error)",
            ])
        }
    }
}

/// Another invocation claimed the slot's post and has not finished it.
public struct PostInProgress: Error, CustomStringConvertible {
    public var slotID: String
    public var function: String
    public var description: String { "another \(function) invocation is posting for \(slotID); retry after its deadline" }
}
