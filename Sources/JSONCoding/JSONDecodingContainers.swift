/// An object's members. With duplicate keys the first one counts, as in Foundation (it builds a
/// dictionary keeping the first value); the later ones are ignored, even if they would not decode.
struct JSONKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: JSONDocument
    let node: Int
    let path: CodingPath
    /// Small objects (most structs) are searched linearly, which beats hashing every key; large
    /// ones (`[String: T]` payloads) get a dictionary so decoding every member stays linear.
    private let index: [String: Int]?

    private static var linearSearchLimit: Int { 12 }

    init(document: JSONDocument, node: Int, path: CodingPath) {
        self.document = document
        self.node = node
        self.path = path
        if Int(document.nodes[node].length) > Self.linearSearchLimit {
            var index: [String: Int] = [:]
            index.reserveCapacity(Int(document.nodes[node].length))
            var keyNode = node + 1
            let end = document.next(after: node)
            while keyNode < end {
                let name = document.string(keyNode)
                if index[name] == nil { index[name] = keyNode + 1 }
                keyNode = document.next(after: keyNode + 1)
            }
            self.index = index
        } else {
            self.index = nil
        }
    }

    var codingPath: [any CodingKey] { path.keys }

    /// In document order, each distinct key once.
    var allKeys: [Key] {
        var keys: [Key] = []
        var seen: [String] = []
        var keyNode = node + 1
        let end = document.next(after: node)
        while keyNode < end {
            let name = document.string(keyNode)
            let isFirst = index.map { $0[name] == keyNode + 1 } ?? !seen.contains(name)
            if isFirst {
                if index == nil { seen.append(name) }
                if let key = Key(stringValue: name) { keys.append(key) }
            }
            keyNode = document.next(after: keyNode + 1)
        }
        return keys
    }

    func contains(_ key: Key) -> Bool {
        valueNode(key) != nil
    }

    private func valueNode(_ key: Key) -> Int? {
        valueNode(named: key.stringValue)
    }

    /// By name rather than `Key`, because "super" is rarely one of the type's own coding keys.
    private func valueNode(named name: String) -> Int? {
        if let index { return index[name] }
        let isASCII = name.utf8.allSatisfy { $0 < 0x80 }
        var keyNode = node + 1
        let end = document.next(after: node)
        while keyNode < end {
            if document.stringNode(keyNode, equals: name, keyIsASCII: isASCII) {
                return keyNode + 1
            }
            keyNode = document.next(after: keyNode + 1)
        }
        return nil
    }

    private func requiredNode(_ key: Key) throws -> Int {
        guard let node = valueNode(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: path.keys, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        document.kind(try requiredNode(key)) == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.double(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try document.float(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    @available(macOS 15.0, *)
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.integer(try requiredNode(key), path: path.appending(key)) }
    @available(macOS 15.0, *)
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try document.integer(try requiredNode(key), path: path.appending(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try document.decode(type, node: try requiredNode(key), path: path.appending(key))
    }

    // The standard library's `decodeIfPresent` looks the key up three times (contains, decodeNil,
    // decode); synthesized `Codable` calls it for every optional property, so it is done in one.
    private func decodeValueIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = valueNode(key), document.kind(value) != .null else { return nil }
        return try document.decode(type, node: value, path: path.appending(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeValueIfPresent(type, forKey: key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try decodeValueIfPresent(type, forKey: key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let value = try requiredNode(key)
        guard document.kind(value) == .object else {
            throw document.containerMismatch(expected: [String: Any].self, node: value, path: path.appending(key), what: "keyed decoding container")
        }
        return KeyedDecodingContainer(JSONKeyedDecodingContainer<NestedKey>(document: document, node: value, path: path.appending(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let value = try requiredNode(key)
        guard document.kind(value) == .array else {
            throw document.containerMismatch(expected: [Any].self, node: value, path: path.appending(key), what: "unkeyed decoding container")
        }
        return JSONUnkeyedDecodingContainer(document: document, node: value, path: path.appending(key))
    }

    /// A missing "super" (or other) key gives a decoder that reads null, as Foundation's does:
    /// `decodeNil()` is true, and asking it for a container is `valueNotFound` at that key.
    func superDecoder() throws -> any Decoder {
        JSONValueDecoder(document: document, node: valueNode(named: JSONCodingKey.super.stringValue), path: path.appending(JSONCodingKey.super))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueDecoder(document: document, node: valueNode(key), path: path.appending(key))
    }
}

/// An array's elements, read front to back. A failed decode does not advance, so a caller may try
/// another type (or `decodeNil`) at the same position, as the Codable contract expects.
struct JSONUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let document: JSONDocument
    let node: Int
    let path: CodingPath
    private let elementCount: Int
    private(set) var currentIndex = 0
    /// The node of the element at `currentIndex`.
    private var cursor: Int

    init(document: JSONDocument, node: Int, path: CodingPath) {
        self.document = document
        self.node = node
        self.path = path
        self.elementCount = Int(document.nodes[node].length)
        self.cursor = node + 1
    }

    var codingPath: [any CodingKey] { path.keys }
    var count: Int? { elementCount }
    var isAtEnd: Bool { currentIndex >= elementCount }

    private var elementPath: CodingPath { path.appending(index: currentIndex) }

    private func current(_ type: Any.Type, message: String = "Unkeyed container is at end.") throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: elementPath.keys, debugDescription: message))
        }
        return cursor
    }

    private mutating func advance() {
        cursor = document.next(after: cursor)
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard document.kind(try current(Any?.self)) == .null else { return false }
        advance()
        return true
    }

    private mutating func next<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try document.decode(type, node: try current(type), path: elementPath)
        advance()
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
    @available(macOS 15.0, *)
    mutating func decode(_ type: Int128.Type) throws -> Int128 {
        let value: Int128 = try document.integer(try current(type), path: elementPath)
        advance()
        return value
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }
    @available(macOS 15.0, *)
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 {
        let value: UInt128 = try document.integer(try current(type), path: elementPath)
        advance()
        return value
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) }

    /// At the end this is nil rather than an error, like the standard library's default.
    mutating func decodeIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
        guard !isAtEnd, document.kind(cursor) != .null else {
            if !isAtEnd { advance() }
            return nil
        }
        return try next(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let element = try current(KeyedDecodingContainer<NestedKey>.self)
        guard document.kind(element) == .object else {
            throw document.containerMismatch(expected: [String: Any].self, node: element, path: elementPath, what: "keyed decoding container")
        }
        let container = JSONKeyedDecodingContainer<NestedKey>(document: document, node: element, path: elementPath)
        advance()
        return KeyedDecodingContainer(container)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let element = try current((any UnkeyedDecodingContainer).self)
        guard document.kind(element) == .array else {
            throw document.containerMismatch(expected: [Any].self, node: element, path: elementPath, what: "unkeyed decoding container")
        }
        let container = JSONUnkeyedDecodingContainer(document: document, node: element, path: elementPath)
        advance()
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let element = try current((any Decoder).self, message: "Cannot get superDecoder() -- unkeyed container is at end.")
        let decoder = JSONValueDecoder(document: document, node: element, path: elementPath)
        advance()
        return decoder
    }
}
