import AWSCore
import CivilTime
import Foundation
import FunctionTestSupport
import LambdaEmulator
import NIOCore
import OpsCore
import TestSupport

/// A local stack with the real `collection` (to store alerts as production does), the real `notification`
/// and a Slack sink; `daily-check` with the fake Datadog on demand.
struct NotificationStack {
    let local: LocalStack
    let collection: CollectionStack
    let slack: FakeServer
    let notification: RuntimeEmulator
    let notificationOutput: String
    /// Between notification and DynamoDB when asked for: it can drop the answers of applied writes.
    let dynamoDBProxy: FakeServer?

    /// `environment` adds to or overrides notification's own (Lambda's session token, say); `signedByTheReportSigner`
    /// points it at the provisioned report signer's key; `lossyDynamoDB` puts the AWS fault proxy between
    /// notification and DynamoDB.
    static func start(
        slots: String = "09:00,20:00", timeout: Duration = .seconds(60), environment: [String: String] = [:],
        signedByTheReportSigner: Bool = false, lossyDynamoDB: Bool = false
    ) async throws -> NotificationStack {
        let local = try await LocalStack.start(webhookToken: CollectionStack.token)
        let proxy = lossyDynamoDB ? try await FakeServer.awsFaultProxy(upstream: local.moto.endpoint) : nil
        let signing = signedByTheReportSigner ? ["OPS_REPORT_SIGNING_SECRET_ID": try require(local.secrets["report-signing"])] : [:]
        let routed = proxy.map { ["AWS_ENDPOINT_URL_DYNAMODB": $0.baseURL] } ?? [:]
        let collection = try await CollectionStack.start(on: local)
        let slack = try await FakeServer.slackSink()
        let (notification, output) = try await local.startFunction("notification", environment: [
            "OPS_SYSTEM_NAME": "Argos", "OPS_TIMEZONE": "Asia/Seoul", "OPS_CHECK_SLOTS": slots,
            "OPS_ALERTS_TABLE": local.alertsTable, "OPS_CHECKS_TABLE": local.checksTable, "OPS_REPORT_BUCKET": local.bucket,
            "OPS_SLACK_WEBHOOK_URL": slack.baseURL + "/services/T000/B000/XXXX",
        ].merging(environment.merging(signing) { $1 }.merging(routed) { $1 }) { _, given in given }, timeout: timeout)
        return NotificationStack(
            local: local, collection: collection, slack: slack, notification: notification, notificationOutput: output,
            dynamoDBProxy: proxy)
    }

    /// Posts every body through collection; returns the reply statuses (`stored`, `duplicate`, …).
    func send(_ bodies: [WebhookBody]) async throws -> [String: Int] {
        var statuses: [String: Int] = [:]
        for body in bodies {
            let (status, reply) = try await collection.post(body.json)
            statuses["\(status) \(reply["status"] as? String ?? "?")", default: 0] += 1
        }
        return statuses
    }

    /// Stores bodies as collection would (its parser, its item encoding) but 25 per BatchWriteItem: a storm
    /// of 20,000 would take minutes through the function one event at a time.
    func storeInBulk(_ bodies: [WebhookBody]) async throws {
        let zone = try ZoneRules.named("Asia/Seoul", environment: [:])
        let parser = AlertParser(retentionDays: 400) { zone.localDate(at: Instant(epochMilliseconds: $0)).description }
        let writes = try bodies.map { body in
            DynamoDBWriteRequest.put(item: try local.dynamoDB.encoder.encode(
                try parser.parse(body: Array(body.json.utf8), receivedAt: body.time)))
        }
        try await local.dynamoDB.batchWriteItem([local.alertsTable: writes])
    }

    func notify(_ event: String) async throws -> [String: Any] {
        let result = try await notification.invoke(ByteBuffer(string: event))
        guard case .response(let body) = result else { throw InvocationFailed(result: "\(result)") }
        return try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }

    /// Runs the real daily-check for the event's slot against the fake Datadog's catalogue and scenario.
    func check(_ event: String) async throws {
        let datadog = try await FakeServer.datadog()
        let (dailyCheck, _) = try await local.startFunction("daily-check", environment: [
            "OPS_SYSTEM_NAME": "Argos", "OPS_CHECKS_TABLE": local.checksTable, "OPS_REPORT_BUCKET": local.bucket,
            "OPS_DATADOG_API_URL": datadog.baseURL, "OPS_DATADOG_API_KEY": "k", "OPS_DATADOG_APP_KEY": "a",
            "OPS_SLACK_WEBHOOK_URL": slack.baseURL + "/services/T000/B000/XXXX", "OPS_MONITOR_TAGS": "team:argos",
        ])
        let result: InvocationResult
        do {
            result = try await dailyCheck.invoke(ByteBuffer(string: event))
        } catch {
            try? await dailyCheck.shutdown()
            datadog.process.terminate()
            throw error
        }
        try? await dailyCheck.shutdown()
        datadog.process.terminate()
        guard case .response = result else { throw InvocationFailed(result: "\(result)") }
    }

    /// What the sink received, each with the reply it gave.
    func slackMessages() async throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: try await slack.get("/_sink/messages"))
        return (object as? [[String: Any]]) ?? ((object as? [String: Any])?["messages"] as? [[String: Any]]) ?? []
    }

    func report(_ key: String) async throws -> String {
        try await local.report(key)
    }

    /// Stops every part even when one fails to stop.
    func shutdown() async throws {
        try? await notification.shutdown()
        slack.process.terminate()
        dynamoDBProxy?.process.terminate()
        try await collection.shutdown()
    }
}
