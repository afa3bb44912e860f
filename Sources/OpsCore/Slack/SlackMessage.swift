/// An incoming-webhook payload: Block Kit blocks plus the `text` that notifications and old clients show.
public struct SlackMessage: Sendable, Equatable, Encodable {
    public var text: String
    public var blocks: [SlackBlock]

    public init(text: String, blocks: [SlackBlock] = []) {
        self.text = text
        self.blocks = blocks
    }

    /// What is sent when Slack refuses the blocks: the fallback text alone still tells the channel.
    public var textOnly: SlackMessage { SlackMessage(text: text) }

    /// Link previews are off: Slack's unfurler would fetch the pre-signed report links, which are bearer
    /// tokens to the report, and show the page's text in the channel.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        if !blocks.isEmpty { try container.encode(blocks, forKey: .blocks) }
        try container.encode(false, forKey: .unfurlLinks)
        try container.encode(false, forKey: .unfurlMedia)
    }

    private enum CodingKeys: String, CodingKey {
        case text, blocks
        case unfurlLinks = "unfurl_links", unfurlMedia = "unfurl_media"
    }
}

/// The few Block Kit blocks the messages use. Texts are already escaped (`SlackText.escape`).
public enum SlackBlock: Sendable, Equatable, Encodable {
    case header(String)
    case section(text: String?, fields: [String] = [])
    case context([String])
    case divider

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .header(let text):
            try container.encode("header", forKey: .type)
            try container.encode(TextObject(type: "plain_text", text: text), forKey: .text)
        case .section(let text, let fields):
            try container.encode("section", forKey: .type)
            if let text { try container.encode(TextObject(type: "mrkdwn", text: text), forKey: .text) }
            if !fields.isEmpty { try container.encode(fields.map { TextObject(type: "mrkdwn", text: $0) }, forKey: .fields) }
        case .context(let elements):
            try container.encode("context", forKey: .type)
            try container.encode(elements.map { TextObject(type: "mrkdwn", text: $0) }, forKey: .elements)
        case .divider:
            try container.encode("divider", forKey: .type)
        }
    }

    private enum CodingKeys: String, CodingKey { case type, text, fields, elements }

    private struct TextObject: Encodable {
        var type: String
        var text: String
    }
}
