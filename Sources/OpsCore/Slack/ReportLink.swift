/// A pre-signed link to a report and when it really stops working (the signing credentials' expiry can
/// come before the requested lifetime).
public struct ReportLink: Sendable, Equatable {
    public var url: String
    public var expires: Instant

    public init(url: String, expires: Instant) {
        self.url = url
        self.expires = expires
    }

    /// `<url|title>` with the URL's control characters escaped, as Slack's link syntax wants.
    func slackLink(title: String) -> String {
        "<" + SlackText.escape(url.replacing("|", with: "%7C")) + "|" + SlackText.escape(title) + ">"
    }

    /// `<url|title> (link valid until 2026-11-25 21:00 KST)`: when the link really dies, in the team's zone.
    func slackLine(title: String, zone: ZoneRules) -> String {
        slackLink(title: title) + " (link valid until " + SlackText.escape(zone.displayTime(expires)) + ")"
    }
}
