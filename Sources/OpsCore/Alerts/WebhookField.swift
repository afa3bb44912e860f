/// The keys of our Datadog webhook payload template (`terraform/datadog/webhook-payload.json`) and the
/// Datadog variable each one carries. A value equal to its own variable means Datadog had nothing for it.
public enum WebhookField: String, CaseIterable, Sendable {
    case id, monitorID = "monitor_id", cycleKey = "alert_cycle_key", aggregationKey = "aggregation_key"
    case transition, alertType = "alert_type", priority, alertTitle = "alert_title", eventTitle = "event_title"
    case alertStatus = "alert_status", scope, metric, query, eventType = "event_type", date
    case lastUpdated = "last_updated", hostname, tags, link, orgID = "org_id", orgName = "org_name"
    case textOnlyMessage = "text_only_msg"

    public var placeholder: String {
        switch self {
        case .id: return "$ID"
        case .monitorID: return "$ALERT_ID"
        case .cycleKey: return "$ALERT_CYCLE_KEY"
        case .aggregationKey: return "$AGGREG_KEY"
        case .transition: return "$ALERT_TRANSITION"
        case .alertType: return "$ALERT_TYPE"
        case .priority: return "$ALERT_PRIORITY"
        case .alertTitle: return "$ALERT_TITLE"
        case .eventTitle: return "$EVENT_TITLE"
        case .alertStatus: return "$ALERT_STATUS"
        case .scope: return "$ALERT_SCOPE"
        case .metric: return "$ALERT_METRIC"
        case .query: return "$ALERT_QUERY"
        case .eventType: return "$EVENT_TYPE"
        case .date: return "$DATE"
        case .lastUpdated: return "$LAST_UPDATED"
        case .hostname: return "$HOSTNAME"
        case .tags: return "$TAGS"
        case .link: return "$LINK"
        case .orgID: return "$ORG_ID"
        case .orgName: return "$ORG_NAME"
        case .textOnlyMessage: return "$TEXT_ONLY_MSG"
        }
    }
}
