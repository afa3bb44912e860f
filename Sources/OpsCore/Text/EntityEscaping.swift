/// The character-entity escaping that Slack mrkdwn and HTML share; HTML attributes also need quotes escaped.
enum EntityEscaping {
    static func escape(_ text: some StringProtocol, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
