import HTTPCore
import OpsCore

/// What the `monitor-catalogue` module makes of an entry (`terraform/modules/monitor-catalogue/main.tf`): the
/// name `[P<priority>][<tower>] <title>`, the tags `team:<team>`, `monitor:<key>` and the entry's own, the
/// collection webhook in the message, the same priority. The per-priority handles Terraform adds after the
/// webhook are not known here, so the message is judged only on the webhook.
public struct MonitorConventions: Sendable, Equatable {
    public var team: String
    public var webhookName: String

    /// The Datadog stack's defaults (`terraform/datadog/variables.tf`).
    public init(team: String = "argos", webhookName: String = "opsdaily-collection") {
        self.team = team
        self.webhookName = webhookName
    }

    public var webhookHandle: String { "@webhook-\(webhookName)" }

    public func name(of entry: MonitorCatalogue.Entry) -> String {
        "[P\(entry.priority)][\(entry.tower)] \(entry.title.trimmedWhitespace)"
    }

    public func tags(of entry: MonitorCatalogue.Entry) -> [String] {
        ["team:\(team)", "monitor:\(entry.key)"] + entry.tags
    }

    /// The message Terraform writes, less the handles per priority.
    public func message(of entry: MonitorCatalogue.Entry) -> String {
        "\(entry.message.trimmedWhitespace)\n\nNotify: \(webhookHandle)"
    }

    /// Whether `message` notifies the webhook: the handle whole, not `@webhook-opsdaily-collection-old`.
    public func notifiesWebhook(_ message: String) -> Bool {
        let handle = Array(webhookHandle.utf8)
        let text = Array(message.utf8)
        guard text.count >= handle.count else { return false }
        for start in 0...(text.count - handle.count) where text[start..<(start + handle.count)].elementsEqual(handle) {
            let end = start + handle.count
            let continues = end < text.count && Self.isHandleCharacter(text[end])
            let preceded = start > 0 && Self.isHandleCharacter(text[start - 1])
            if !continues && !preceded { return true }
        }
        return false
    }

    private static func isHandleCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "."):
            return true
        default: return false
        }
    }
}
