import CivilTime
import HTTPCore

/// A pre-signed link to a report and when it really stops working (the signing credentials' expiry can
/// come before the requested lifetime).
public struct ReportLink: Sendable, Equatable {
    public var url: String
    public var expires: Instant
    /// Signed with temporary credentials of unknown lifetime: `expires` is only the latest it can work.
    public var mayExpireEarlier: Bool
    /// Why the configured report-signing key was not used, when it was not.
    public var signingWarning: String?

    public init(url: String, expires: Instant, mayExpireEarlier: Bool = false, signingWarning: String? = nil) {
        self.url = url
        self.expires = expires
        self.mayExpireEarlier = mayExpireEarlier
        self.signingWarning = signingWarning
    }

    public init(_ report: PublishedReport) {
        self.init(url: report.url, expires: report.expiresAt, mayExpireEarlier: report.mayExpireEarlier, signingWarning: report.signingWarning)
    }

    /// `<url|title>` with the URL's control characters escaped, as Slack's link syntax wants.
    func slackLink(title: String) -> String {
        "<" + SlackText.escape(url.replacingText("|", with: "%7C")) + "|" + SlackText.escape(title) + ">"
    }

    /// `<url|title> (link valid until 2026-11-25 21:00 KST)`: when the link really dies, in the team's zone.
    /// A link signed by the function's role says that it may die sooner rather than promise a time it
    /// cannot know (SPEC §10).
    func slackLine(title: String, zone: ZoneRules) -> String {
        let until = SlackText.escape(zone.displayTime(expires))
        var line = slackLink(title: title) + " (link valid until " + until
        line += mayExpireEarlier ? " at the latest: signed with the function's temporary credentials, it can stop working sooner)" : ")"
        if let signingWarning { line += " :warning: " + SlackText.escape(signingWarning) }
        return line
    }
}
