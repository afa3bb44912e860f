import Foundation
import TestSupport
import OpsCore
import Testing

/// A built Slack message as Slack would receive it: its JSON, the repository's Block Kit checker's verdict
/// on it, and every text in it.
enum SlackPayload {
    static func json(_ message: SlackMessage) throws -> Data { try JSONEncoder().encode(message) }

    /// `scripts/fakes/blockkit.py` on the payload: its exit status and output.
    static func blockKitVerdict(_ message: SlackMessage) throws -> (status: Int32, output: String) {
        let result = try PythonScript.execute("scripts/fakes/blockkit.py", input: try json(message))
        return (result.status, String(decoding: result.output, as: UTF8.self))
    }

    /// The fallback `text` first, then every text of the blocks in order.
    static func texts(_ message: SlackMessage) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: json(message)) as? [String: Any])
        var found: [String] = [object["text"] as? String ?? ""]
        func walk(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                if let text = dictionary["text"] as? String { found.append(text) }
                dictionary.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(object["blocks"] ?? [])
        return found
    }
}
