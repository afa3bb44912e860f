import Foundation

/// A Datadog webhook body with the template's fields (terraform/datadog/webhook-payload.json), for alerts
/// that go into the table through the real collection path.
struct WebhookBody {
    var id: String
    var monitorID: String
    var cycleKey: String?
    var transition: String
    var priority: Int?
    var title: String
    var scope: String
    var time: Int64
    var test = false

    var json: String {
        let shownTitle = (test ? "[TEST] " : "") + title
        let object: [String: Any] = [
            "id": id, "monitor_id": monitorID, "alert_cycle_key": cycleKey ?? "$ALERT_CYCLE_KEY", "aggregation_key": "agg-" + monitorID,
            "transition": transition, "alert_type": transition == "Recovered" ? "success" : "error",
            "priority": priority.map { "P\($0)" } ?? "", "alert_title": shownTitle,
            "event_title": "[\(transition)] " + shownTitle, "alert_status": "avg(last_5m) > 80", "scope": scope,
            "metric": "system.cpu.user", "query": "avg(last_5m):avg:system.cpu.user{team:argos} by {host} > 80",
            "event_type": "query_alert_monitor", "date": String(time), "last_updated": String(time), "hostname": "",
            "tags": "monitor, team:argos, monitor:M-\(monitorID), env:prd",
            "link": "https://app.datadoghq.com/monitors/\(monitorID)?to_ts=\(time)", "org_id": "123456", "org_name": "Argos",
            "text_only_msg": "generated for the notification tests",
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// Epoch milliseconds of a UTC date-time `YYYY-MM-DDTHH:MM`.
func utc(_ text: String) -> Int64 {
    let formatter = ISO8601DateFormatter()
    return Int64(formatter.date(from: text + ":00Z")!.timeIntervalSince1970 * 1000)
}
