/// One value of a flat JSON object, read as text when it is a scalar. Webhook fields are meant to be strings,
/// but a number (a 19-digit event id, say) keeps every digit, and arrays or objects are recognised without
/// being walked: a deeply nested hostile value costs nothing.
public enum JSONField: Sendable, Equatable, Decodable {
    case text(String)
    case null
    /// An array or an object.
    case structure

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Int64.self) {
            self = .text(String(value))
        } else if let value = try? container.decode(UInt64.self) {
            self = .text(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .text(String(value))
        } else if let value = try? container.decode(Bool.self) {
            self = .text(String(value))
        } else {
            self = .structure
        }
    }

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}
