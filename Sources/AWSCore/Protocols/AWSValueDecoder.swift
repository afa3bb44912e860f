import HTTPCore

/// Decodes `Decodable` types from an `AWSValue`, so typed clients (STS, SSO) read XML and JSON answers
/// alike. XML gives every scalar as text: numbers, booleans and timestamps are read from it. Lists are
/// `elements` (an XML list wrapper's children, whatever their name). Timestamps are `AWSTimestamp`s.
public struct AWSValueDecoder: Sendable {
    public init() {}

    public func decode<Value: Decodable>(_ type: Value.Type, from value: AWSValue) throws -> Value {
        try decodeValue(type, from: value, codingPath: [])
    }
}

/// Every value goes through here: a tree is handed over whole rather than rebuilt through its `init(from:)`.
private func decodeValue<T: Decodable>(_ type: T.Type, from value: AWSValue, codingPath: [any CodingKey]) throws -> T {
    if type == AWSValue.self { return value as! T }
    return try T(from: ValueDecoder(value: value, codingPath: codingPath))
}

private struct ValueDecoder: Decoder {
    let value: AWSValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case .structure: return KeyedDecodingContainer(Keyed<Key>(value: value, codingPath: codingPath))
        // An empty XML element reads as "": a structure with no members.
        case .string(let text) where text.allSatisfy(\.isWhitespace): return KeyedDecodingContainer(Keyed<Key>(value: .structure([]), codingPath: codingPath))
        default: throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: "not a structure"))
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        Unkeyed(values: value.elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(value: value, codingPath: codingPath)
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let value: AWSValue
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        guard case .structure(let members) = value else { return [] }
        return members.compactMap { Key(stringValue: $0.name) }
    }

    func contains(_ key: Key) -> Bool { value[key.stringValue] != nil }

    private func member(_ key: Key) throws -> AWSValue {
        guard let found = value[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no \(key.stringValue)"))
        }
        return found
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let found = value[key.stringValue] else { return true }
        return found == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeValue(type, from: try member(key), codingPath: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let found = value[key.stringValue], found != .null else { return nil }
        return try decodeValue(type, from: found, codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try member(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { ValueDecoder(value: value, codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(value: try member(key), codingPath: codingPath + [key]) }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let values: [AWSValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(values: [AWSValue], codingPath: [any CodingKey]) {
        self.values = values
        self.codingPath = codingPath
    }

    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }

    private mutating func next() throws -> ValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(AWSValue.self, .init(codingPath: codingPath, debugDescription: "no more elements"))
        }
        defer { currentIndex += 1 }
        return ValueDecoder(value: values[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)])
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let element = try next()
        return try decodeValue(type, from: element.value, codingPath: element.codingPath)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, values[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }


    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct Single: SingleValueDecodingContainer {
    let value: AWSValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }

    private func mismatch<T>(_ type: T.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "cannot read \(T.self) from \(String(describing: value).prefix(80))"))
    }

    private func text<T>(for type: T.Type) throws -> String {
        guard let text = value.text else { throw mismatch(type) }
        return String(text.trimmedWhitespace)
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try text(for: type) {
        case "true": return true
        case "false": return false
        default: throw mismatch(type)
        }
    }

    func decode(_ type: String.Type) throws -> String {
        // Text exactly as sent: only numbers and booleans are trimmed for parsing.
        guard let text = value.text else { throw mismatch(type) }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let number = Double(try text(for: type)) else { throw mismatch(type) }
        return number
    }

    func decode(_ type: Float.Type) throws -> Float {
        guard let number = Float(try text(for: type)) else { throw mismatch(type) }
        return number
    }

    func decode<T: BinaryInteger & LosslessStringConvertible>(integer type: T.Type) throws -> T {
        guard let number = T(try text(for: type)) else { throw mismatch(type) }
        return number
    }

    func decode(_ type: Int.Type) throws -> Int { try decode(integer: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decode(integer: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decode(integer: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decode(integer: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(integer: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decode(integer: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(integer: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(integer: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(integer: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(integer: type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeValue(type, from: value, codingPath: codingPath)
    }
}
