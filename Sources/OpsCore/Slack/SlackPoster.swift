/// Posts one Slack message; the seam between a run and the webhook.
public protocol SlackPoster: Sendable {
    func post(_ message: SlackMessage) async throws -> SlackWebhookClient.Delivery
}

extension SlackWebhookClient: SlackPoster {}
