import JSONCoding
import HTTPCore

/// Any JSON, kept to be written back: a check record stores the monitor as Datadog sent it. Integers stay
/// integers (ids and millisecond times must not turn into `1.7e12`).
public indirect enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// One line, keys sorted, non-ASCII as UTF-8 (not `\uXXXX`, which made Korean unreadable in 2023).
    public var compactText: String {
        (try? String(decoding: JSONEncoding().encode(self), as: UTF8.self)) ?? "null"
    }

    /// Indented for people, otherwise as `compactText`.
    public var prettyText: String {
        (try? String(decoding: JSONEncoding(prettyPrinted: true).encode(self), as: UTF8.self)) ?? "null"
    }

    /// The value of JSON text, or nil when it is not JSON.
    public init?(parsing text: String) {
        guard let value = try? JSONDecoding().decode(JSONValue.self, from: Array(text.utf8)) else { return nil }
        self = value
    }
}
