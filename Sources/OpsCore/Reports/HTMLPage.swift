/// The frame every report shares: self-contained (inline CSS, nothing fetched), a CSP that forbids
/// scripts and outside requests even if escaping were ever missed, and a viewport for phones.
struct HTMLPage {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    var title: String
    var style: String
    var body: String

    var rendered: String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        out += body
        out += "</body>\n</html>\n"
        return out
    }
}
