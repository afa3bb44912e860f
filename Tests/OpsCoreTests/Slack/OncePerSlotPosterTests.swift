import CivilTime
import FunctionTestSupport
import Logging
import OpsCore
import Synchronization
import Testing

/// The at-most-once post against the real checks table in moto: retries stay quiet once posted, a failed
/// post can be retried, a live claim is an error rather than a silent success, an abandoned one is taken over.
@Suite(.serialized) struct OncePerSlotPosterTests {
    final class RecordingSlack: SlackPoster {
        let posts = Mutex(0)
        let failures = Mutex(0)

        func post(_ message: SlackMessage) async throws -> SlackWebhookClient.Delivery {
            let fail = failures.withLock { remaining in
                defer { remaining = max(0, remaining - 1) }
                return remaining > 0
            }
            if fail {
                throw SlackError.rejected(status: 500, reason: "internal_error")
            }
            posts.withLock { $0 += 1 }
            return .delivered
        }
    }

    static let now: Int64 = 1_795_565_100_000
    let message = SlackMessage(text: "digest", blocks: [])
    let logger = Logger(label: "test")

    func poster(_ local: LocalStack, _ slack: RecordingSlack, now: Int64 = Self.now) -> OncePerSlotPoster {
        OncePerSlotPoster(
            function: "notification", store: DynamoDBCheckStore(client: local.dynamoDB, table: local.checksTable, retentionDays: 30), slack: slack,
            clock: { Instant(epochMilliseconds: now) })
    }

    func post(_ poster: OncePerSlotPoster, request: String, deadline: Int64 = now + 120_000) async throws -> Bool {
        try await poster.post(
            message, slotID: "2026-11-25T09:00", manual: false, requestID: request, deadline: Instant(epochMilliseconds: deadline),
            logger: logger)
    }

    @Test func retriesAfterAPostAreQuietAndAFailedPostIsRetried() async throws {
        let local = try await LocalStack.start(webhookToken: "t")
        defer { Task { try await local.shutdown() } }
        let slack = RecordingSlack()
        slack.failures.withLock { $0 = 1 }
        let poster = poster(local, slack)
        await #expect(throws: SlackError.self) { try await post(poster, request: "r1") }
        #expect(try await post(poster, request: "r2"), "a failed post is claimed again")
        #expect(try await post(poster, request: "r3") == false)
        #expect(try await post(poster, request: "r4") == false)
        #expect(slack.posts.withLock { $0 } == 1)
        let marker = try await local.dynamoDB.getItem(
            tableName: local.checksTable, key: ["pk": .s("RUN#2026-11-25T09:00"), "sk": .s("POST#notification")], consistentRead: true)
        #expect(marker?["status"] == .s("posted"))
        #expect(marker?["expires_at"] == .n(String(Self.now / 1000 + 30 * 86_400)), "the marker lives as long as OPS_RETENTION_DAYS")
    }

    @Test func aLiveClaimIsAnErrorAndAnAbandonedOneIsTakenOver() async throws {
        let local = try await LocalStack.start(webhookToken: "t")
        defer { Task { try await local.shutdown() } }
        let store = DynamoDBCheckStore(client: local.dynamoDB, table: local.checksTable, retentionDays: 30)
        // An invocation claimed the post and died before posting; its deadline is two minutes away.
        #expect(try await store.claimPost(
            slotID: "2026-11-25T09:00", function: "notification", requestID: "dead", token: "t1", now: Self.now,
            claimUntil: Self.now + 120_000) == .claimed)
        let slack = RecordingSlack()
        await #expect(throws: PostInProgress.self, "not a silent success") { try await post(poster(local, slack), request: "retry") }
        #expect(slack.posts.withLock { $0 } == 0)
        // Past its deadline the claim is abandoned: the next retry posts.
        #expect(try await post(poster(local, slack, now: Self.now + 120_001), request: "later"))
        #expect(slack.posts.withLock { $0 } == 1)
        #expect(try await store.claimPost(
            slotID: "2026-11-25T09:00", function: "notification", requestID: "again", token: "t2", now: Self.now + 200_000,
            claimUntil: Self.now + 320_000) == .alreadyPosted)
    }

    /// A claim whose PutItem DynamoDB applied but whose answer was lost is retried by the AWS client: the retry
    /// fails its condition against our own write, and the stored token says the claim is ours.
    @Test func aClaimWhoseAnswerWasLostIsRecognisedAsOurs() async throws {
        let local = try await LocalStack.start(webhookToken: "t")
        defer { Task { try await local.shutdown() } }
        let store = DynamoDBCheckStore(client: local.dynamoDB, table: local.checksTable, retentionDays: 30)
        let claim = { (request: String, token: String) in
            try await store.claimPost(
                slotID: "2026-11-25T09:00", function: "notification", requestID: request, token: token, now: Self.now,
                claimUntil: Self.now + 120_000)
        }
        #expect(try await claim("r1", "mine") == .claimed)
        // Another invocation with another token is refused while the claim lives.
        #expect(try await claim("r2", "theirs") == .inProgress)
        // The same write sent again (same request, same token): ours.
        #expect(try await claim("r1", "mine") == .claimed)
    }

    /// Lambda retries a failed asynchronous invocation with the same request id, after that attempt ended:
    /// its claim, still within its deadline, is taken over instead of blocking the slot until the DLQ.
    @Test func aRetryOfTheSameInvocationTakesOverItsClaim() async throws {
        let local = try await LocalStack.start(webhookToken: "t")
        defer { Task { try await local.shutdown() } }
        let store = DynamoDBCheckStore(client: local.dynamoDB, table: local.checksTable, retentionDays: 30)
        #expect(try await store.claimPost(
            slotID: "2026-11-25T09:00", function: "notification", requestID: "same", token: "first-attempt", now: Self.now,
            claimUntil: Self.now + 120_000) == .claimed)
        let slack = RecordingSlack()
        #expect(try await post(poster(local, slack, now: Self.now + 60_000), request: "same"))
        #expect(slack.posts.withLock { $0 } == 1)
    }
}
