
/// Encodes `Encodable` values as DynamoDB attribute values: structs and string-keyed dictionaries as `M`,
/// arrays as `L`, `Set<String>` as `SS`, strings `S`, every integer and floating type `N` (as its exact
/// decimal text), `Bool` `BOOL`, nil `NULL`, `DynamoDBNumber` `N` (binary values only as `AttributeValue.b`).
/// Optionals left nil are omitted (synthesised `Encodable` skips them), so absent and null stay distinct.
public struct AttributeValueEncoder: Sendable {
    public enum StringArrayEncoding: Sendable {
        /// `[String]` as `L` of `S`: keeps order and duplicates, may be empty.
        case list
        /// `[String]` as `SS`: unordered, unique, never empty.
        case stringSet
    }

    public var stringArrays: StringArrayEncoding

    public init(stringArrays: StringArrayEncoding = .list) {
        self.stringArrays = stringArrays
    }

    /// An item: the value must encode as a map.
    public func encode(_ value: some Encodable) throws -> [String: AttributeValue] {
        guard case .m(let item) = try encodeValue(value) else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "a DynamoDB item must encode as a map (a struct or [String: …])"))
        }
        return item
    }

    public func encodeValue(_ value: some Encodable) throws -> AttributeValue {
        try AttributeEncoding(options: self, codingPath: []).box(value)
    }
}

/// One level of encoding: the options and where in the value we are.
private struct AttributeEncoding {
    let options: AttributeValueEncoder
    let codingPath: [any CodingKey]

    func appending(_ key: any CodingKey) -> AttributeEncoding {
        AttributeEncoding(options: options, codingPath: codingPath + [key])
    }

    func box<T: Encodable>(_ value: T) throws -> AttributeValue {
        switch value {
        case let value as AttributeValue: return value
        case let value as String: return .s(value)
        case let value as Bool: return .bool(value)
        case let value as DynamoDBNumber: return .n(value.text)
        case let value as Double: return try number(value, text: value.description, isFinite: value.isFinite)
        case let value as Float: return try number(value, text: value.description, isFinite: value.isFinite)
        case let value as any BinaryInteger: return .n(String(value))
        case let value as Set<String>: return try stringSet(Array(value).sorted(), original: value)
        case let value as [String] where options.stringArrays == .stringSet: return try stringSet(value, original: value)
        default:
            let node = EncodingNode()
            try value.encode(to: AttributeEncoderImpl(node: node, encoding: self))
            return node.attributeValue
        }
    }

    private func number(_ value: Any, text: String, isFinite: Bool) throws -> AttributeValue {
        guard isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "DynamoDB numbers must be finite"))
        }
        return .n(text)
    }

    private func stringSet(_ strings: [String], original: Any) throws -> AttributeValue {
        guard !strings.isEmpty else {
            throw EncodingError.invalidValue(
                original,
                .init(codingPath: codingPath, debugDescription: "DynamoDB string sets cannot be empty: make the property optional and nil"))
        }
        return .ss(strings)
    }
}

/// The value being built; containers fill it in place.
private final class EncodingNode {
    enum Content {
        case empty
        case value(AttributeValue)
        case map([String: EncodingNode])
        case list([EncodingNode])
    }

    var content = Content.empty

    var attributeValue: AttributeValue {
        switch content {
        case .empty: return .m([:])
        case .value(let value): return value
        case .map(let children): return .m(children.mapValues(\.attributeValue))
        case .list(let children): return .l(children.map(\.attributeValue))
        }
    }

    func child(_ key: String) -> EncodingNode {
        let child = EncodingNode()
        if case .map(var children) = content {
            children[key] = child
            content = .map(children)
        }
        return child
    }

    func appendChild() -> EncodingNode {
        let child = EncodingNode()
        if case .list(var children) = content {
            children.append(child)
            content = .list(children)
        }
        return child
    }

    var count: Int {
        if case .list(let children) = content { return children.count }
        return 0
    }
}

private struct AttributeEncoderImpl: Encoder {
    let node: EncodingNode
    let encoding: AttributeEncoding
    var codingPath: [any CodingKey] { encoding.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .map = node.content {} else { node.content = .map([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, encoding: encoding))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .list = node.content {} else { node.content = .list([]) }
        return UnkeyedContainer(node: node, encoding: encoding)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, encoding: encoding)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let encoding: AttributeEncoding
    var codingPath: [any CodingKey] { encoding.codingPath }

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).content = .value(.null) }

    /// Also witnesses every primitive `encode(_:forKey:)`: `box` knows their attribute types.
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.child(key.stringValue).content = .value(try encoding.appending(key).box(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(key.stringValue)
        return AttributeEncoderImpl(node: child, encoding: encoding.appending(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        AttributeEncoderImpl(node: node.child(key.stringValue), encoding: encoding.appending(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        AttributeEncoderImpl(node: node.child("super"), encoding: encoding.appending(AttributeCodingKey(stringValue: "super")))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        AttributeEncoderImpl(node: node.child(key.stringValue), encoding: encoding.appending(key))
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let encoding: AttributeEncoding
    var codingPath: [any CodingKey] { encoding.codingPath }
    var count: Int { node.count }

    private var nextEncoding: AttributeEncoding { encoding.appending(AttributeCodingKey(intValue: count)) }

    mutating func encodeNil() throws { node.appendChild().content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let boxed = try nextEncoding.box(value)
        node.appendChild().content = .value(boxed)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let encoding = nextEncoding
        return AttributeEncoderImpl(node: node.appendChild(), encoding: encoding).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let encoding = nextEncoding
        return AttributeEncoderImpl(node: node.appendChild(), encoding: encoding).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let encoding = nextEncoding
        return AttributeEncoderImpl(node: node.appendChild(), encoding: encoding)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let encoding: AttributeEncoding
    var codingPath: [any CodingKey] { encoding.codingPath }

    mutating func encodeNil() throws { node.content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.content = .value(try encoding.box(value))
    }
}

/// Keys the coders make up themselves: list indices and `super`.
struct AttributeCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
