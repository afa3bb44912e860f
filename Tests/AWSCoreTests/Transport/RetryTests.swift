@testable import AWSCore
import HTTPCore
import TestSupport
import Testing

/// The standard retry mode through the whole pipeline, with a scripted transport.
@Suite struct RetryTests {
    private func putItem(_ client: AWSClient) async throws {
        let dynamo = DynamoDBClient(client: client, configuration: try TestClients.configuration(.dynamoDB))
        try await dynamo.putItem(tableName: "t", item: ["pk": .s("1")])
    }

    @Test func throttlingIsRetriedWithFullJitterBackoff() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.awsError(400, code: "ThrottlingException"),
            ScriptedTransport.awsError(400, code: "ProvisionedThroughputExceededException"),
            ScriptedTransport.json(200, "{}"),
        ])
        let sleeper = RecordingSleeper()
        let quota = RetryQuota()
        try await putItem(TestClients.awsClient(transport, sleeper: sleeper, quota: quota, random: { 0.5 }))
        #expect(transport.requests.count == 3)
        #expect(sleeper.delays == [.milliseconds(500), .seconds(1)])
        // Two retries cost 10; the success after a retry gives the last retry's 5 back.
        #expect(quota.available == 495)
    }

    @Test func validationErrorIsNotRetried() async throws {
        let transport = ScriptedTransport([ScriptedTransport.awsError(400, code: "ValidationException")])
        let sleeper = RecordingSleeper()
        await #expect { try await putItem(TestClients.awsClient(transport, sleeper: sleeper)) } throws: { error in
            (error as? AWSServiceError)?.isValidation == true
        }
        #expect(transport.requests.count == 1)
        #expect(sleeper.delays.isEmpty)
    }

    @Test func conditionalCheckFailureIsNotRetried() async throws {
        let transport = ScriptedTransport([ScriptedTransport.awsError(400, code: "ConditionalCheckFailedException")])
        await #expect { try await putItem(TestClients.awsClient(transport)) } throws: { error in
            (error as? AWSServiceError)?.isConditionalCheckFailed == true
        }
        #expect(transport.requests.count == 1)
    }

    @Test func givesUpAfterThreeAttempts() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(503, "{}"))
        let sleeper = RecordingSleeper()
        await #expect(throws: AWSServiceError.self) { try await putItem(TestClients.awsClient(transport, sleeper: sleeper, random: { 0.999 })) }
        #expect(transport.requests.count == 3)
        #expect(sleeper.delays.count == 2)
        #expect(sleeper.delays.allSatisfy { $0 < .seconds(2) })
    }

    @Test func transientStatusCodesAndNetworkErrorsAreRetried() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.json(502, "{}"),
            ScriptedTransport.fail(.connectionFailed(url: "u", detail: "reset")),
            ScriptedTransport.json(200, "{}"),
        ])
        try await putItem(TestClients.awsClient(transport))
        #expect(transport.requests.count == 3)
    }

    @Test func timeoutsCostTenTokens() async throws {
        let transport = ScriptedTransport([ScriptedTransport.fail(.timedOut(url: "u", detail: "read")), ScriptedTransport.json(200, "{}")])
        let quota = RetryQuota()
        try await putItem(TestClients.awsClient(transport, quota: quota))
        #expect(quota.available == 500)  // 10 taken, 10 given back on success
        let failing = ScriptedTransport(fallback: ScriptedTransport.fail(.timedOut(url: "u", detail: "read")))
        await #expect(throws: TransportError.self) { try await putItem(TestClients.awsClient(failing, quota: quota)) }
        #expect(quota.available == 480)
    }

    @Test func anEmptyQuotaStopsRetrying() async throws {
        let quota = RetryQuota(capacity: 12)
        let transport = ScriptedTransport(fallback: ScriptedTransport.awsError(400, code: "ThrottlingException"))
        let client = TestClients.awsClient(transport, quota: quota)
        await #expect(throws: AWSServiceError.self) { try await putItem(client) }
        #expect(transport.requests.count == 3)
        #expect(quota.available == 2)
        // 2 tokens cannot pay for a retry: the next throttled call fails after its first attempt.
        await #expect(throws: AWSServiceError.self) { try await putItem(client) }
        #expect(transport.requests.count == 4)
    }

    @Test func successWithoutRetryRefundsOneToken() async throws {
        let quota = RetryQuota(capacity: 500)
        let throttled = ScriptedTransport([ScriptedTransport.awsError(400, code: "SlowDown")], fallback: ScriptedTransport.awsError(400, code: "SlowDown"))
        await #expect(throws: AWSServiceError.self) { try await putItem(TestClients.awsClient(throttled, quota: quota)) }
        #expect(quota.available == 490)
        let fine = ScriptedTransport(fallback: ScriptedTransport.json(200, "{}"))
        for _ in 0..<3 { try await putItem(TestClients.awsClient(fine, quota: quota)) }
        #expect(quota.available == 493)
    }

    @Test func backoffIsCappedAtTwentySeconds() {
        let backoff = StandardRetryStrategy(maxAttempts: 10).backoff
        #expect(backoff.delay(afterFailure: 1, random: 0.999_999) < .seconds(1))
        #expect(backoff.delay(afterFailure: 5, random: 0.999_999) > .seconds(15))
        #expect(backoff.delay(afterFailure: 9, random: 0.999_999) <= .seconds(20))
        #expect(backoff.delay(afterFailure: 9, random: 0.999_999) > .seconds(19))
        #expect(backoff.delay(afterFailure: 3, random: 0) == .zero)
    }

    /// No backoff that would pass the invocation's retry deadline, and each attempt gets at most the time left.
    @Test func retriesStopAtTheDeadline() async throws {
        let transport = ScriptedTransport(fallback: ScriptedTransport.json(503, "{}"))
        let sleeper = RecordingSleeper()
        await #expect(throws: AWSServiceError.self) {
            try await RetryDeadline.bounding(by: sleeper.now + .milliseconds(1_900)) {
                try await putItem(TestClients.awsClient(transport, sleeper: sleeper, random: { 0.999 }))
            }
        }
        #expect(transport.requests.count == 1, "a backoff of about a second leaves less than the attempt's minimum")
        #expect(sleeper.delays.isEmpty)
        #expect(transport.requests[0].timeout <= .milliseconds(1_900))
        await #expect(throws: RetryDeadlineExceeded.self) {
            try await RetryDeadline.bounding(by: sleeper.now) { try await putItem(TestClients.awsClient(transport, sleeper: sleeper)) }
        }
        #expect(transport.requests.count == 1, "nothing is sent once the deadline has passed")
    }

    @Test func everyAttemptIsSignedAfresh() async throws {
        let transport = ScriptedTransport([ScriptedTransport.json(500, "{}"), ScriptedTransport.json(200, "{}")])
        try await putItem(TestClients.awsClient(transport))
        for request in transport.requests {
            #expect(request.headers["Authorization"].count == 1)
            #expect(request.headers["X-Amz-Date"].count == 1)
        }
    }
}
