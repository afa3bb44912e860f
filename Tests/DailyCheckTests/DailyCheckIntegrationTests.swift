import AWSCore
import Foundation
import HTTP1Client
import HTTPCore
import LambdaEmulator
import NIOCore
import OpsCore
import Testing
import TestSupport
import FunctionTestSupport

/// SPEC §6 end to end: the real `daily-check` bootstrap under the emulator, moto for DynamoDB and S3, the
/// fake Datadog with the 79-monitor catalogue and its default scenario, and the Slack sink.
@Suite(.serialized) struct DailyCheckIntegrationTests {
    let moto: MotoServer
    let datadog: FakeServer
    let slack: FakeServer
    let emulator: RuntimeEmulator
    let transport = HTTP1Transport()
    let dynamoDB: DynamoDBClient
    let s3: S3Client
    let checksTable: String
    let bucket: String

    let environment: [String: String]
    let prefix: String

    init() async throws {
        moto = try await MotoServer.start(authentication: false)
        datadog = try await FakeServer.datadog()
        slack = try await FakeServer.slackSink()
        prefix = "d\(UUID().uuidString.prefix(8).lowercased())"
        let provisioned = try LocalAWS.provision(endpoint: moto.endpoint, prefix: prefix)
        checksTable = provisioned["checks_table"] as? String ?? ""
        bucket = provisioned["report_bucket"] as? String ?? ""
        environment = [
            "AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": moto.accessKeyID,
            "AWS_SECRET_ACCESS_KEY": moto.secretAccessKey, "AWS_REGION": "ap-northeast-2",
            "OPS_SYSTEM_NAME": "Argos", "OPS_CHECKS_TABLE": checksTable, "OPS_REPORT_BUCKET": bucket,
            "OPS_DATADOG_API_URL": datadog.baseURL, "OPS_DATADOG_API_KEY": "k", "OPS_DATADOG_APP_KEY": "a",
            "OPS_SLACK_WEBHOOK_URL": slack.baseURL + "/services/T000/B000/XXXX", "OPS_MONITOR_TAGS": "team:argos",
        ]
        emulator = try await Self.emulator(environment: environment, output: "daily-check-\(prefix)")
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: moto.accessKeyID, secretAccessKey: moto.secretAccessKey)),
            transport: transport)
        let endpoint = try AWSEndpoint(parsing: moto.endpoint)
        dynamoDB = DynamoDBClient(
            client: client, configuration: AWSServiceConfiguration(service: .dynamoDB, region: "ap-northeast-2", endpoint: endpoint))
        s3 = S3Client(client: client, configuration: AWSServiceConfiguration(service: .s3, region: "ap-northeast-2", endpoint: endpoint))
    }

    /// The real `daily-check` under an emulator of its own with Lambda's 60 s timeout, output in a temporary file.
    static func emulator(environment: [String: String], output: String) async throws -> RuntimeEmulator {
        try await RuntimeEmulator(configuration: EmulatorConfiguration(
            functionName: "daily-check",
            region: "ap-northeast-2",
            timeout: .seconds(60),
            command: [RepositoryPaths.product("daily-check")],
            environment: environment,
            functionOutputPath: FileManager.default.temporaryDirectory.appendingPathComponent("\(output).log").path
        ))
    }

    func shutdown() async throws {
        try await emulator.shutdown()
        try await transport.shutdown()
        moto.stop()
    }

    func invoke(_ event: String) async throws -> [String: Any] {
        let result = try await emulator.invoke(ByteBuffer(string: event))
        guard case .response(let body) = result else { throw InvocationFailed(result: "\(result)") }
        return try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }

    struct InvocationFailed: Error { var result: String }

    func slackMessages() async throws -> [[String: Any]] {
        let data = try await slack.get("/_sink/messages")
        let object = try JSONSerialization.jsonObject(with: data)
        return (object as? [[String: Any]]) ?? ((object as? [String: Any])?["messages"] as? [[String: Any]]) ?? []
    }

    @Test func aScheduledRunChecksStoresReportsAndPostsOnceUnderRetries() async throws {
        defer { Task { try await shutdown() } }
        let event = #"{"scheduled_time": "2026-11-25T00:00:00Z"}"#
        let outcome = try await invoke(event)
        #expect(outcome["slot"] as? String == "2026-11-25T09:00")
        #expect(outcome["status"] as? String == "finished")
        #expect(outcome["total"] as? Int == 44)
        #expect(outcome["posted"] as? Bool == true)
        let counts = try #require(outcome["counts"] as? [String: Int])
        #expect(counts["Alert"] == 2 && counts["Warn"] == 1 && counts["No Data"] == 3 && counts["Muted"] == 1 && counts["Error"] == 1)
        #expect(counts["OK"] == 36)

        let retried = try await invoke(event)
        #expect(retried["posted"] as? Bool == false, "a retry of the same slot must not post again")
        #expect(try await slackMessages().count == 1)

        let items = try await dynamoDB.query(DynamoDBQuery(
            tableName: checksTable, keyConditionExpression: "pk = :pk",
            expressionAttributeValues: [":pk": .s("RUN#2026-11-25T09:00")], consistentRead: true))
        let monitors = items.filter { if case .s(let sk)? = $0["sk"] { return sk.hasPrefix("MONITOR#") } else { return false } }
        #expect(monitors.count == 44, "a re-run overwrites the slot rather than adding to it")
        // Monitor by monitor, the stored class is the one the fake's scenario sets up.
        let expected: [String: String] = [
            "SYSTEM-EC2-CPU-High-01": "Alert", "Container-EKS-Pods-Abnormal-01": "Alert", "DB-MySQL-CPU-TooHigh-01": "Warn",
            "Container-EKS-JOB-Fail-01": "No Data", "CSP-MSK-ConsumerLag-01": "No Data", "Network-TGW-PacketDrop-01": "No Data",
            "Network-DX-Down-01": "Muted", "Service-EKS-FullGC-01": "Error",
        ]
        for monitor in monitors {
            guard case .s(let label)? = monitor["label"], case .s(let checkClass)? = monitor["class"] else {
                Issue.record("monitor record without label or class: \(monitor)")
                continue
            }
            #expect(checkClass == expected[label] ?? "OK", "\(label)")
        }
        for message in try await slackMessages() {
            let reply = message["reply"] as? [String: Any]
            #expect((reply?["status"] as? Int) == 200, "the sink refused a post: \(message)")
        }
        let run = try #require(items.first { $0["sk"] == .s("RUN") })
        #expect(run["status"] == .s("finished"))
        guard case .s(let reportKey)? = run["report_key"] else {
            Issue.record("no report key in \(run)")
            return
        }
        #expect(reportKey == "reports/check/2026/11/25/0900.html")
        let report = try Gunzip.text(try await s3.getObject(bucket: bucket, key: reportKey))
        #expect(report.contains("Content-Security-Policy"))
        #expect(report.contains("SYSTEM-EC2-CPU-High-01"))
        let link = try #require(outcome["reportURL"] as? String)
        #expect(link.contains("/reports/check/2026/11/25/0900.html?") && link.contains("X-Amz-Signature="))
        let payload = try await slackMessages().first?["payload"] ?? [:]
        let messageText = String(decoding: try JSONSerialization.data(withJSONObject: payload, options: .withoutEscapingSlashes), as: UTF8.self)
        // Slack's mrkdwn wants & escaped inside a link too.
        #expect(messageText.contains(link.replacingOccurrences(of: "&", with: "&amp;")), "the answer's link is the one posted to Slack")
    }

    @Test func aRateLimitStormIsWaitedOut() async throws {
        defer { Task { try await shutdown() } }
        try await datadog.control("/_fake/faults", json: #"{"status": 429, "count": 6, "path_prefix": "/api/v1/monitor", "reset": 1}"#)
        let outcome = try await invoke(#"{"scheduled_time": "2026-11-25T11:00:00Z"}"#)
        #expect(outcome["slot"] as? String == "2026-11-25T20:00")
        #expect(outcome["total"] as? Int == 44)
        #expect((outcome["counts"] as? [String: Int])?["Error"] == 1, "only the deleted monitor is an error")
    }

    /// The run record exists from the start: a notification arriving mid-check says "has not finished"
    /// instead of "did not run".
    @Test func aRunningCheckIsRecordedAsRunningUntilItFinishes() async throws {
        defer { Task { try await shutdown() } }
        // The monitor list is held until the record has been read: a timed delay lost the race on a loaded machine.
        try await datadog.control("/_fake/faults", json: #"{"hold": true, "count": 1, "path_prefix": "/api/v1/monitor"}"#)
        async let outcome = invoke(#"{"scheduled_time": "2026-11-25T11:00:00Z"}"#)
        let key: [String: AttributeValue] = ["pk": .s("RUN#2026-11-25T20:00"), "sk": .s("RUN")]
        var seen: [String: AttributeValue]?
        try await waitUntil {
            seen = try await dynamoDB.getItem(tableName: checksTable, key: key, consistentRead: true)
            return seen != nil
        }
        try await datadog.control("/_fake/release", json: "{}")
        #expect(seen?["status"] == .s("running"), "\(seen ?? [:])")
        #expect(seen?["finished_at"] == nil && seen?["expires_at"] != nil)
        #expect(try await outcome["status"] as? String == "finished")
        let finished = try await dynamoDB.getItem(tableName: checksTable, key: key, consistentRead: true)
        #expect(finished?["status"] == .s("finished") && finished?["finished_at"] != nil)
    }

    @Test func aManualRunPostsAgainAndABadEventIsAnError() async throws {
        defer { Task { try await shutdown() } }
        _ = try await invoke(#"{"slot": "2026-11-25T20:00"}"#)
        _ = try await invoke(#"{"slot": "2026-11-25T20:00"}"#)
        #expect(try await slackMessages().count == 2)
        let bad = try await emulator.invoke(ByteBuffer(string: #"{"hello": "world"}"#))
        guard case .functionError(_, let document) = bad else {
            Issue.record("an event of no known shape must fail the invocation")
            return
        }
        #expect(String(buffer: document).contains("scheduled_time"))
    }

    /// SPEC §6 and the invocation's deadline: Datadog answers every monitor read 429 for the whole run of a
    /// daily-check with Lambda's 60 s timeout. A 60 s `X-RateLimit-Reset` is never waited; 15 s ones are, until
    /// the reading part of the budget (all but 20 s) is spent. One post, before the deadline, names the unread
    /// monitors, and the run record says why.
    @Test(arguments: [60, 15])
    func aRateLimitForTheWholeRunStillPostsBeforeTheDeadline(reset: Int) async throws {
        defer { Task { try await shutdown() } }
        try await datadog.control(
            "/_fake/faults", json: #"{"status": 429, "count": 100000, "path_prefix": "/api/v1/monitor/", "reset": \#(reset)}"#)
        let started = ContinuousClock.now
        let outcome = try await invoke(#"{"scheduled_time": "2026-11-25T00:00:00Z"}"#)
        let elapsed = started.duration(to: .now)
        #expect(elapsed < .seconds(45), "posted with time to spare: \(elapsed)")
        if reset == 15 { #expect(elapsed > .seconds(25), "the 15 s waits were honoured while the budget allowed: \(elapsed)") }
        #expect(outcome["status"] as? String == "incomplete")
        #expect(outcome["posted"] as? Bool == true)
        let reason = try #require(outcome["incompleteness"] as? String)
        #expect(reason == "0 of 44 monitors read; 44 unreadable: Datadog rate limit")
        let messages = try await slackMessages()
        #expect(messages.count == 1)
        let text = try #require(messages.first?["payload"] as? [String: Any])["text"] as? String ?? ""
        #expect(text.contains("Incomplete: " + reason), "\(text)")
        // The fallback text names the first 15 unread monitors, each with Datadog's answer; the blocks and the report the rest.
        #expect(text.components(separatedBy: "answered 429").count - 1 == 15, "\(text)")
        let run = try #require(try await dynamoDB.getItem(
            tableName: checksTable, key: ["pk": .s("RUN#2026-11-25T09:00"), "sk": .s("RUN")], consistentRead: true))
        #expect(run["status"] == .s("incomplete") && run["error"] == .s(reason))
    }

    /// Three reads rate-limited, the rest fine: "41 of 44 monitors read; 3 unreadable".
    @Test func aFewUnreadMonitorsMakeTheRunIncompleteAndSaySo() async throws {
        defer { Task { try await shutdown() } }
        try await datadog.control("/_fake/faults", json: #"{"status": 429, "count": 3, "path_prefix": "/api/v1/monitor/", "reset": 60}"#)
        let outcome = try await invoke(#"{"scheduled_time": "2026-11-25T00:00:00Z"}"#)
        #expect(outcome["status"] as? String == "incomplete")
        #expect(outcome["incompleteness"] as? String == "41 of 44 monitors read; 3 unreadable: Datadog rate limit")
        #expect((outcome["counts"] as? [String: Int])?["Error"] == 4, "three unread and the deleted monitor")
    }

    /// A report-signing key that cannot be read must not stop the check: the role signs, and the post says so.
    @Test func anUnreadableSigningKeyFallsBackToTheRoleAndStillPosts() async throws {
        defer { Task { try await shutdown() } }
        var fallback = environment
        fallback["OPS_REPORT_SIGNING_SECRET_ID"] = "no-such-secret"
        fallback["AWS_SESSION_TOKEN"] = "role-session"
        let check = try await Self.emulator(environment: fallback, output: "daily-check-fallback-\(prefix)")
        let result = try await check.invoke(ByteBuffer(string: #"{"scheduled_time": "2026-11-25T00:00:00Z"}"#))
        try await check.shutdown()
        guard case .response(let body) = result else { throw InvocationFailed(result: "\(result)") }
        let outcome = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
        #expect(outcome["posted"] as? Bool == true)
        let text = try #require(try await slackMessages().first?["payload"] as? [String: Any])["text"] as? String ?? ""
        #expect(text.contains("at the latest") && text.contains("The function's role signed this link."), "\(text)")
    }

    /// Secrets are read by the first event, not at init: a secret that cannot be read fails that invocation
    /// and leaves the process serving, and a later event, once the secret is there, reads it and runs.
    @Test func anUnreadableSecretFailsTheInvocationAndALaterEventReadsItAgain() async throws {
        defer { Task { try await shutdown() } }
        let later = prefix + "later"
        // The keys provision_local.py stores.
        let keyedDatadog = try await FakeServer.datadog(extra: ["--api-key", "local-api-key", "--app-key", "local-app-key"])
        var fromSecrets = environment
        fromSecrets["OPS_DATADOG_API_KEY"] = nil
        fromSecrets["OPS_DATADOG_APP_KEY"] = nil
        fromSecrets["OPS_DATADOG_SECRET_ID"] = later + "/datadog"
        fromSecrets["OPS_DATADOG_API_URL"] = keyedDatadog.baseURL
        let check = try await Self.emulator(environment: fromSecrets, output: "daily-check-secret-\(prefix)")
        let event = ByteBuffer(string: #"{"scheduled_time": "2026-11-25T00:00:00Z"}"#)

        let failed = try await check.invoke(event)
        guard case .functionError(_, let document) = failed else {
            Issue.record("a secret that cannot be read must fail the invocation: \(failed)")
            try await check.shutdown()
            return
        }
        #expect(String(buffer: document).contains("ResourceNotFoundException"), "\(String(buffer: document))")

        _ = try LocalAWS.provision(endpoint: moto.endpoint, prefix: later)
        let result = try await check.invoke(event)
        let statistics = try await check.statistics()
        try await check.shutdown()
        // Released, the fake would stop before the invocations it serves.
        withExtendedLifetime(keyedDatadog) {}
        #expect(statistics.initErrors == 0 && statistics.processStarts == 1, "\(statistics)")
        guard case .response(let body) = result else { throw InvocationFailed(result: "\(result)") }
        let outcome = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
        #expect(outcome["status"] as? String == "finished" && outcome["total"] as? Int == 44, "\(outcome)")
    }

    /// A by-host monitor with 5,000 failing groups passes DynamoDB's 400 KB item with its JSON and every group:
    /// stored shortened and flagged, and the rest of the run with it.
    @Test func aMonitorWithFiveThousandGroupsIsStoredAndFlagged() async throws {
        defer { Task { try await shutdown() } }
        let groups = (0..<5_000).map { #""host:ip-10-\#($0 / 250)-\#($0 % 250)-1.ap-northeast-2.compute.internal": "Alert""# }
        try await datadog.control("/_fake/scenario", json: """
            {"monitors": {"SYSTEM-EC2-CPU-High-01": {"state": "Alert", "since": "-2h", "groups": {\(groups.joined(separator: ","))}}}}
            """)
        let outcome = try await invoke(#"{"scheduled_time": "2026-11-25T00:00:00Z"}"#)
        #expect(outcome["status"] as? String == "finished")
        let items = try await dynamoDB.query(DynamoDBQuery(
            tableName: checksTable, keyConditionExpression: "pk = :pk",
            expressionAttributeValues: [":pk": .s("RUN#2026-11-25T09:00")], consistentRead: true))
        #expect(items.filter { if case .s(let sk)? = $0["sk"] { sk.hasPrefix("MONITOR#") } else { false } }.count == 44)
        let big = try #require(items.first { $0["label"] == .s("SYSTEM-EC2-CPU-High-01") })
        #expect(big["truncated"] == .bool(true))
        #expect(big["groups_total"] == .n("5000"))
        guard case .l(let stored)? = big["groups"], case .s(let json)? = big["monitor_json"] else {
            Issue.record("groups or monitor_json missing: \(big.keys)")
            return
        }
        #expect(stored.count > 100 && stored.count < 5_000, "\(stored.count) groups kept")
        #expect(json.utf8.count < 350_000)
    }
}
