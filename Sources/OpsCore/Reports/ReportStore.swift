/// Where rendered reports go and how readers reach them: a private bucket and a pre-signed link.
public protocol ReportStore: Sendable {
    func publish(html: String, key: String) async throws -> PublishedReport

    /// A fresh link to a report published earlier (the notification links the check run's report).
    func link(key: String) async throws -> PublishedReport
}

/// A stored report and its link. `expiresAt` is when the link really stops working, which can be earlier
/// than asked when the signing credentials expire first (SPEC §10): messages must say this time.
public struct PublishedReport: Sendable, Equatable {
    public var key: String
    public var url: String
    public var expiresAt: Instant
    /// Signed with temporary credentials of unknown lifetime: `expiresAt` is the latest the link can work.
    public var mayExpireEarlier: Bool

    public init(key: String, url: String, expiresAt: Instant, mayExpireEarlier: Bool = false) {
        self.key = key
        self.url = url
        self.expiresAt = expiresAt
        self.mayExpireEarlier = mayExpireEarlier
    }
}

/// Report keys: dated, one per kind and slot, so a re-run of a slot replaces its report.
public enum ReportKey {
    /// `<prefix><kind>/YYYY/MM/DD/HHMM.html`, e.g. `reports/check/2026/11/25/0900.html`.
    public static func key(prefix: String, kind: String, slot: CheckSlot) -> String {
        let date = slot.date
        let time = slot.time
        return prefix + kind + "/" + pad(date.year, 4) + "/" + pad(date.month, 2) + "/" + pad(date.day, 2) + "/"
            + pad(time.hour, 2) + pad(time.minute, 2) + ".html"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
