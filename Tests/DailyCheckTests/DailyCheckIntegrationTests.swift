import AWSCore
import Foundation
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
    let transport = AsyncHTTPClientTransport()
    let dynamoDB: DynamoDBClient
    let s3: S3Client
    let checksTable: String
    let bucket: String

    init() async throws {
        moto = try await MotoServer.start(authentication: false)
        datadog = try await FakeServer.datadog()
        slack = try await FakeServer.slackSink()
        let prefix = "d\(UUID().uuidString.prefix(8).lowercased())"
        let provisioned = try LocalAWS.provision(endpoint: moto.endpoint, prefix: prefix)
        checksTable = provisioned["checks_table"] as? String ?? ""
        bucket = provisioned["report_bucket"] as? String ?? ""
        emulator = try await RuntimeEmulator(configuration: EmulatorConfiguration(
            functionName: "daily-check",
            region: "ap-northeast-2",
            timeout: .seconds(60),
            command: [RepositoryPaths.product("daily-check")],
            environment: [
                "AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": moto.accessKeyID,
                "AWS_SECRET_ACCESS_KEY": moto.secretAccessKey, "AWS_REGION": "ap-northeast-2",
                "OPS_SYSTEM_NAME": "Argos", "OPS_CHECKS_TABLE": checksTable, "OPS_REPORT_BUCKET": bucket,
                "OPS_DATADOG_API_URL": datadog.baseURL, "OPS_DATADOG_API_KEY": "k", "OPS_DATADOG_APP_KEY": "a",
                "OPS_SLACK_WEBHOOK_URL": slack.baseURL + "/services/T000/B000/XXXX", "OPS_MONITOR_TAGS": "team:argos",
            ],
            functionOutputPath: FileManager.default.temporaryDirectory.appendingPathComponent("daily-check-\(prefix).log").path
        ))
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: moto.accessKeyID, secretAccessKey: moto.secretAccessKey)),
            transport: transport)
        let endpoint = try AWSEndpoint(parsing: moto.endpoint)
        dynamoDB = DynamoDBClient(
            client: client, configuration: AWSServiceConfiguration(service: .dynamoDB, region: "ap-northeast-2", endpoint: endpoint))
        s3 = S3Client(client: client, configuration: AWSServiceConfiguration(service: .s3, region: "ap-northeast-2", endpoint: endpoint))
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
}
