/// JSON as a document holds it: members in the order written, and numbers of the two kinds Python's `json`
/// tells apart (an integer of any size, or a double when the text has a fraction or an exponent). That is what
/// it takes to write a dashboard exactly as `scripts/tools/dashboards.py` does: `1.0` stays `1.0`, an id of
/// 20 digits stays whole.
public indirect enum JSONTree: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Decimal digits with an optional leading `-`, never `-0`.
    case integer(String)
    case double(Double)
    case string(String)
    case array([JSONTree])
    case object([JSONMember])

    /// The value of `key` in an object (nil for other values or a missing key).
    public subscript(key: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key.utf8.elementsEqual(key.utf8) }?.value
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var arrayValue: [JSONTree]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var members: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Integers and doubles alike, as a double (thresholds compare by value: `90` is `90.0`).
    public var numberValue: Double? {
        switch self {
        case .integer(let digits): return Double(digits)
        case .double(let value): return value
        default: return nil
        }
    }

    /// An integer, or a double without a fraction (JSON Schema's `integer`, as jsonschema reads it).
    public var isIntegral: Bool {
        switch self {
        case .integer: return true
        case .double(let value): return value.rounded() == value
        default: return false
        }
    }
}

/// One member of an object. Keys compare by their exact characters (`é` composed and decomposed are two keys,
/// as they are to Python and to Datadog).
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONTree

    public init(_ key: String, _ value: JSONTree) {
        self.key = key
        self.value = value
    }

    public static func == (lhs: JSONMember, rhs: JSONMember) -> Bool {
        lhs.key.utf8.elementsEqual(rhs.key.utf8) && lhs.value == rhs.value
    }
}
