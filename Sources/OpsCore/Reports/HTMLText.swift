/// Escaping for text and attribute values. Everything from Datadog passes through here: monitor names,
/// queries and JSON are attacker-controllable.
public enum HTMLText {
    public static func escape(_ text: some StringProtocol) -> String {
        EntityEscaping.escape(text, quotes: true)
    }
}
