import JSONCoding

/// Secrets are stored as small JSON objects (`{"token": "…"}`).
enum SecretJSON {
    static func field(_ name: String, in text: String) -> String? {
        guard let object = try? JSONDecoding().decode([String: JSONField].self, from: Array(text.utf8)),
            let value = object[name]?.text, !value.isEmpty
        else { return nil }
        return value
    }
}
