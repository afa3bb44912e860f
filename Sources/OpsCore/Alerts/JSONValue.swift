#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any JSON value, decoded without losing integer digits: webhook fields are meant to be strings, but a value
/// that arrives as a number (a 19-digit event id, say) must keep every digit.
public enum JSONValue: Sendable, Equatable, Decodable {
    case string(String)
    case integer(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(String(value))
        } else if let value = try? container.decode(UInt64.self) {
            self = .integer(String(value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The value as text, for fields that should have been strings; nil for null, arrays and objects.
    public var text: String? {
        switch self {
        case .string(let value): return value
        case .integer(let value): return value
        case .number(let value): return String(value)
        case .bool(let value): return String(value)
        case .null, .array, .object: return nil
        }
    }
}
