/// Just enough XML for error bodies: the text of the first `<Name>…</Name>`, entities resolved.
/// A full parser (FoundationXML) would drag libxml2 into the static Lambda binaries.
enum XMLElementText {
    static func first(_ name: String, in xml: String) -> String? {
        guard let open = xml.firstRange(of: "<\(name)>"),
            let close = xml[open.upperBound...].firstRange(of: "</\(name)>")
        else { return nil }
        return unescaped(xml[open.upperBound..<close.lowerBound])
    }

    private static let entities: [(String, String)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&"),
    ]

    private static func unescaped(_ text: Substring) -> String {
        var result = String(text)
        guard result.contains("&") else { return result }
        for (entity, character) in entities {
            result = result.replacing(entity, with: character)
        }
        return result
    }
}
