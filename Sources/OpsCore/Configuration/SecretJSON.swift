#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Secrets are stored as small JSON objects (`{"token": "…"}`).
enum SecretJSON {
    static func field(_ name: String, in text: String) -> String? {
        guard let object = try? JSONDecoder().decode([String: JSONField].self, from: Data(text.utf8)),
            let value = object[name]?.text, !value.isEmpty
        else { return nil }
        return value
    }
}
