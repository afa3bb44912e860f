
/// Decodes attribute values into `Decodable` types, the inverse of `AttributeValueEncoder`. Integers are
/// parsed from the exact `N` text (a fraction or out-of-range value is an error, never a silent rounding);
/// `SS`, `NS` and `BS` decode as arrays or sets; a missing attribute or `NULL` decodes as nil.
public struct AttributeValueDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from item: [String: AttributeValue]) throws -> T {
        try decode(type, fromValue: .m(item))
    }

    public func decode<T: Decodable>(_ type: T.Type, fromValue value: AttributeValue) throws -> T {
        try AttributeDecoderImpl(value: value, codingPath: []).unbox(type)
    }
}

private struct AttributeDecoderImpl: Decoder {
    let value: AttributeValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .m(let map) = value else { throw mismatch(expected: "M", for: [String: AttributeValue].self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(map: map, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let elements: [AttributeValue]
        switch value {
        case .l(let values): elements = values
        case .ss(let strings): elements = strings.map(AttributeValue.s)
        case .ns(let numbers): elements = numbers.map(AttributeValue.n)
        case .bs(let blobs): elements = blobs.map(AttributeValue.b)
        default: throw mismatch(expected: "L, SS, NS or BS", for: [AttributeValue].self)
        }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }

    func unbox<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is AttributeValue.Type: return value as! T
        case is String.Type:
            guard case .s(let string) = value else { throw mismatch(expected: "S", for: type) }
            return string as! T
        case is Bool.Type:
            guard case .bool(let bool) = value else { throw mismatch(expected: "BOOL", for: type) }
            return bool as! T
        case is DynamoDBNumber.Type:
            guard case .n(let text) = value, let number = DynamoDBNumber(text) else { throw mismatch(expected: "N", for: type) }
            return number as! T
        case is Double.Type:
            guard case .n(let text) = value, let number = Double(text) else { throw mismatch(expected: "N", for: type) }
            return number as! T
        case is Float.Type:
            guard case .n(let text) = value, let number = Float(text) else { throw mismatch(expected: "N", for: type) }
            return number as! T
        case let integerType as any FixedWidthInteger.Type:
            guard case .n(let text) = value else { throw mismatch(expected: "N", for: type) }
            guard let integer = integerType.init(text, radix: 10) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: codingPath, debugDescription: "\(text) is not a whole number that fits \(type)"))
            }
            return integer as! T
        default:
            return try T(from: self)
        }
    }

    func mismatch(expected: String, for type: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "expected an attribute of type \(expected), found \(value.typeName)"))
    }

    func decoder(for value: AttributeValue, key: any CodingKey) -> AttributeDecoderImpl {
        AttributeDecoderImpl(value: value, codingPath: codingPath + [key])
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let map: [String: AttributeValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { map.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { map[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = map[key.stringValue] else { return true }
        return value == .null
    }

    /// Also witnesses every primitive `decode(_:forKey:)`.
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder(for: key).unbox(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        AttributeDecoderImpl(value: map["super"] ?? .null, codingPath: codingPath + [AttributeCodingKey(stringValue: "super")])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try decoder(for: key)
    }

    private func decoder(for key: Key) throws -> AttributeDecoderImpl {
        guard let value = map[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no attribute \"\(key.stringValue)\""))
        }
        return AttributeDecoderImpl(value: value, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [AttributeValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [AttributeValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    /// Also witnesses every primitive `decode(_:)`.
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try nextDecoder(for: type).unbox(type)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try nextDecoder(for: [String: AttributeValue].self).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try nextDecoder(for: [AttributeValue].self).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try nextDecoder(for: AttributeValue.self)
        currentIndex += 1
        return decoder
    }

    private func nextDecoder(for type: Any.Type) throws -> AttributeDecoderImpl {
        let key = AttributeCodingKey(intValue: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [key], debugDescription: "the list has no more elements"))
        }
        return AttributeDecoderImpl(value: elements[currentIndex], codingPath: codingPath + [key])
    }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: AttributeDecoderImpl
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }

    /// Also witnesses every primitive `decode(_:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.unbox(type)
    }
}

extension AttributeValue {
    /// DynamoDB's name for the value's type, for error messages.
    var typeName: String {
        switch self {
        case .s: return "S"
        case .n: return "N"
        case .b: return "B"
        case .bool: return "BOOL"
        case .null: return "NULL"
        case .l: return "L"
        case .m: return "M"
        case .ss: return "SS"
        case .ns: return "NS"
        case .bs: return "BS"
        }
    }
}
