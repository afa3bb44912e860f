import HTTPCore


/// A DynamoDB attribute value. Numbers are carried as the decimal text DynamoDB stores, so nothing is lost
/// to `Double` on the way (a 19-digit id stays exact).
public indirect enum AttributeValue: Sendable, Hashable {
    case s(String)
    case n(String)
    case b([UInt8])
    case bool(Bool)
    case null
    case l([AttributeValue])
    case m([String: AttributeValue])
    case ss([String])
    case ns([String])
    case bs([[UInt8]])
}

/// DynamoDB's JSON: an object with exactly one key naming the type, e.g. `{"N": "42"}`; binary values are base64 text.
extension AttributeValue: Codable {
    private enum Key: String, CodingKey {
        case s = "S", n = "N", b = "B", bool = "BOOL", null = "NULL", l = "L", m = "M", ss = "SS", ns = "NS", bs = "BS"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard let key = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "an attribute value has exactly one type key"))
        }
        switch key {
        case .s: self = .s(try container.decode(String.self, forKey: key))
        case .n: self = .n(try container.decode(String.self, forKey: key))
        case .b: self = .b(try Self.binary(try container.decode(String.self, forKey: key), in: container))
        case .bool: self = .bool(try container.decode(Bool.self, forKey: key))
        case .null: self = .null
        case .l: self = .l(try container.decode([AttributeValue].self, forKey: key))
        case .m: self = .m(try container.decode([String: AttributeValue].self, forKey: key))
        case .ss: self = .ss(try container.decode([String].self, forKey: key))
        case .ns: self = .ns(try container.decode([String].self, forKey: key))
        case .bs: self = .bs(try container.decode([String].self, forKey: key).map { try Self.binary($0, in: container) })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .s(let value): try container.encode(value, forKey: .s)
        case .n(let value): try container.encode(value, forKey: .n)
        case .b(let value): try container.encode(Base64.encode(value), forKey: .b)
        case .bool(let value): try container.encode(value, forKey: .bool)
        case .null: try container.encode(true, forKey: .null)
        case .l(let value): try container.encode(value, forKey: .l)
        case .m(let value): try container.encode(value, forKey: .m)
        case .ss(let value): try container.encode(value, forKey: .ss)
        case .ns(let value): try container.encode(value, forKey: .ns)
        case .bs(let value): try container.encode(value.map { Base64.encode($0) }, forKey: .bs)
        }
    }

    private static func binary(_ text: String, in container: KeyedDecodingContainer<Key>) throws -> [UInt8] {
        guard let bytes = Base64.decode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "a binary attribute value is not base64"))
        }
        return bytes
    }
}
