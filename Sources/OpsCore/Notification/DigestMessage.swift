public struct DigestMessage: Sendable {
    public init(systemName: String, zone: ZoneRules) {}
    public func build(_ summary: NotificationSummary, alertReport: ReportLink?, checkReport: ReportLink?) -> SlackMessage {
        SlackMessage(text: "stub \(summary.windowDigest.total) \(summary.checkRun.warning ?? "")", blocks: [])
    }
}
