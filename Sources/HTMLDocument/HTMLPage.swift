/// The frame every report shares: self-contained (inline CSS, nothing fetched), a CSP that forbids
/// scripts and outside requests even if escaping were ever missed, and a viewport for phones.
public enum HTMLPage {
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// The whole page in one string: the head, whatever `body` appends, the end. One buffer, so a large
    /// report is never held twice (body, then page).
    public static func render(title: String, style: String, capacity: Int = 0, body: (inout String) -> Void) -> String {
        var out = ""
        out.reserveCapacity(capacity + style.utf8.count + 1_024)
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        body(&out)
        out += "</body>\n</html>\n"
        return out
    }
}
