/// Fills blocks while Slack's limits hold: at most 50 blocks, 3000 characters per section text and about
/// 12,000 characters across all blocks. What does not fit is left for a closing "…and N more" line, which
/// is always kept room for.
struct SlackBlockBudget {
    static let maxBlocks = 50
    static let maxSectionText = 3000
    static let maxCharacters = 12_000
    /// Room kept for the closing summary block.
    static let reservedCharacters = 200

    private(set) var blocks: [SlackBlock] = []
    private var characters = 0
    private var openSection: String?

    /// Adds a whole block; false (and nothing added) when it would break a limit.
    mutating func append(_ block: SlackBlock, reserve: Bool = true) -> Bool {
        close()
        let size = Self.characters(in: block)
        guard blocks.count + 1 + (reserve ? 1 : 0) <= Self.maxBlocks,
              characters + size + (reserve ? Self.reservedCharacters : 0) <= Self.maxCharacters
        else { return false }
        blocks.append(block)
        characters += size
        return true
    }

    /// Continues the open section with `separator + piece`, or opens a new section with `piece`.
    mutating func append(_ piece: String, separator: String) -> Bool {
        if let open = openSection {
            let added = SlackText.length(separator) + SlackText.length(piece)
            if SlackText.length(open) + added <= Self.maxSectionText {
                guard characters + added + Self.reservedCharacters <= Self.maxCharacters else { return false }
                openSection = open + separator + piece
                characters += added
                return true
            }
        }
        close()
        let size = SlackText.length(piece)
        guard size <= Self.maxSectionText, blocks.count + 2 <= Self.maxBlocks,
              characters + size + Self.reservedCharacters <= Self.maxCharacters
        else { return false }
        openSection = piece
        characters += size
        return true
    }

    /// Ends the open section so the next piece starts a new one.
    mutating func close() {
        guard let open = openSection else { return }
        blocks.append(.section(text: open))
        openSection = nil
    }

    static func characters(in block: SlackBlock) -> Int {
        switch block {
        case .header(let text): SlackText.length(text)
        case .section(let text, let fields): SlackText.length(text ?? "") + fields.reduce(0) { $0 + SlackText.length($1) }
        case .context(let elements): elements.reduce(0) { $0 + SlackText.length($1) }
        case .divider: 0
        }
    }
}
