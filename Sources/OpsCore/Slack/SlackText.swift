import HTMLDocument

/// Text rules for Slack: the three control characters escaped in every value (so a monitor named
/// `<!channel>` cannot ping anyone), and lengths counted the way Slack counts them.
public enum SlackText {
    public static func escape(_ text: some StringProtocol) -> String {
        EntityEscaping.escape(text, quotes: false)
    }

    /// Block Kit limits are in characters (code points).
    static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// At most `limit` code points, ending in `…` when cut. Cut raw values before escaping them, so an
    /// entity is never split.
    static func truncate(_ text: String, to limit: Int) -> String {
        guard length(text) > limit else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(limit - 1))
        return String(scalars) + "…"
    }

    /// A value shown inside backticks: a backtick of its own would end the code span early.
    static func code(_ text: String) -> String {
        "`" + escape(String(text.map { $0 == "`" ? "'" : $0 })) + "`"
    }
}

extension SlackText {
    /// `raw` escaped and cut so the escaped text fits `limit` (escaping can make it up to five times longer).
    static func fitted(_ raw: String, limit: Int) -> String {
        var keep = limit
        while true {
            let escaped = escape(truncate(raw, to: keep))
            if length(escaped) <= limit || keep <= 1 { return escaped }
            keep -= max(1, (length(escaped) - limit) / 5)
        }
    }
}
