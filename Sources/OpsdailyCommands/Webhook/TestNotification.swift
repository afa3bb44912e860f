#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpsCore

/// A `[TEST]` notification with every key of the payload template (`terraform/datadog/webhook-payload.json`,
/// `WebhookField`) filled as Datadog fills them: what "Test Notifications" in Datadog sends, so collection
/// stores it flagged as a test and keeps it out of statistics.
struct TestNotification {
    let eventID: String
    let body: [UInt8]

    init(eventID: String, now: Int64, sender: String) {
        self.eventID = eventID
        var fields: [String: String] = [:]
        for field in WebhookField.allCases {
            fields[field.rawValue] = switch field {
            case .id: eventID
            case .monitorID: "0"
            case .cycleKey: "opsdaily-webhook-test"
            case .aggregationKey: "opsdaily-webhook-test"
            case .transition: "Triggered"
            case .alertType: "info"
            case .priority: "P5"
            case .alertTitle: "[TEST] opsdaily webhook test by \(sender)"
            case .eventTitle: "[TEST] opsdaily webhook test by \(sender)"
            case .alertStatus: "test notification"
            case .scope: "*"
            case .metric: ""
            case .query: ""
            case .eventType: "query_alert_monitor"
            case .date: String(now)
            case .lastUpdated: String(now)
            case .hostname: ""
            case .tags: "source:opsdaily"
            case .link: ""
            case .orgID: ""
            case .orgName: ""
            case .textOnlyMessage: "Sent by `opsdaily webhook test` to check that the webhook stores what it is sent."
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        body = Array((try? encoder.encode(fields)) ?? Data())
    }
}
