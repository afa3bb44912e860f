/// Escaping for text and attribute values. Everything from Datadog passes through here: monitor names,
/// queries and JSON are attacker-controllable.
public enum HTMLText {
    public static func escape(_ text: some StringProtocol) -> String {
        EntityEscaping.escape(text, quotes: true)
    }

    /// `escape` straight into the page being built.
    public static func append(_ text: some StringProtocol, to out: inout String) {
        EntityEscaping.append(text, quotes: true, to: &out)
    }

    /// A link when `url` is `http(s)://`, else the URL as plain text: a webhook's `javascript:` or `data:`
    /// link must not become something to click.
    public static func appendLink(_ url: String, text: String, to out: inout String) {
        let scheme = url.prefix(8).lowercased()
        guard scheme.hasPrefix("http://") || scheme.hasPrefix("https://") else {
            append(url, to: &out)
            return
        }
        out += "<a href=\""
        append(url, to: &out)
        out += "\" rel=\"noreferrer\">"
        append(text, to: &out)
        out += "</a>"
    }
}
