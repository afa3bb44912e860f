/// The `Decoder` a value's `init(from:)` reads from: one node of the document and its path.
/// Errors copy Foundation's cases, types and wording ("Expected to decode Int but found a string
/// instead.") so code and logs that inspect them behave the same.
final class JSONValueDecoder: Decoder {
    let document: JSONDocument
    /// `nil` stands for a missing value read as null: `superDecoder()` on an absent key.
    let node: Int?
    let path: CodingPath

    init(document: JSONDocument, node: Int?, path: CodingPath) {
        self.document = document
        self.node = node
        self.path = path
    }

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let node, document.kind(node) == .object else {
            throw document.containerMismatch(expected: [String: Any].self, node: node, path: path, what: "keyed decoding container")
        }
        return KeyedDecodingContainer(JSONKeyedDecodingContainer<Key>(document: document, node: node, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let node, document.kind(node) == .array else {
            throw document.containerMismatch(expected: [Any].self, node: node, path: path, what: "unkeyed decoding container")
        }
        return JSONUnkeyedDecodingContainer(document: document, node: node, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        self
    }
}

extension JSONValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        guard let node else { return true }
        return document.kind(node) == .null
    }

    private func scalar<T>(_ type: T.Type) throws -> Int {
        guard let node else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path.keys, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return node
    }

    func decode(_ type: Bool.Type) throws -> Bool { try document.bool(try scalar(type), path: path) }
    func decode(_ type: String.Type) throws -> String { try document.string(try scalar(type), path: path) }
    func decode(_ type: Double.Type) throws -> Double { try document.double(try scalar(type), path: path) }
    func decode(_ type: Float.Type) throws -> Float { try document.float(try scalar(type), path: path) }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(try scalar(type), path: path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(try scalar(type), path: path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(try scalar(type), path: path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(try scalar(type), path: path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(try scalar(type), path: path) }
    @available(macOS 15.0, *)
    func decode(_ type: Int128.Type) throws -> Int128 { try document.integer(try scalar(type), path: path) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(try scalar(type), path: path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(try scalar(type), path: path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(try scalar(type), path: path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(try scalar(type), path: path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(try scalar(type), path: path) }
    @available(macOS 15.0, *)
    func decode(_ type: UInt128.Type) throws -> UInt128 { try document.integer(try scalar(type), path: path) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard let node else {
            // A missing value still decodes as null: `Optional` reads nil, anything else fails.
            return try T(from: self)
        }
        return try document.decode(type, node: node, path: path)
    }
}

// MARK: Unwrapping nodes, shared by the decoder and its containers

extension JSONDocument {
    /// A node as `T`: scalars directly, anything else through its `init(from:)` with a decoder
    /// for the node. The scalar check keeps `[String]`, `[Int]`… from allocating a decoder per
    /// element (the standard library decodes their elements through the generic entry point).
    func decode<T: Decodable>(_ type: T.Type, node: Int, path: CodingPath) throws -> T {
        switch T.self {
        case is String.Type: return unsafeBitCast(try string(node, path: path), to: T.self)
        case is Int.Type: return unsafeBitCast(try integer(node, path: path) as Int, to: T.self)
        case is Bool.Type: return unsafeBitCast(try bool(node, path: path), to: T.self)
        case is Double.Type: return unsafeBitCast(try double(node, path: path), to: T.self)
        case is Int64.Type: return unsafeBitCast(try integer(node, path: path) as Int64, to: T.self)
        case is UInt64.Type: return unsafeBitCast(try integer(node, path: path) as UInt64, to: T.self)
        case is Int32.Type: return unsafeBitCast(try integer(node, path: path) as Int32, to: T.self)
        case is UInt32.Type: return unsafeBitCast(try integer(node, path: path) as UInt32, to: T.self)
        case is UInt.Type: return unsafeBitCast(try integer(node, path: path) as UInt, to: T.self)
        case is Float.Type: return unsafeBitCast(try float(node, path: path), to: T.self)
        case is Int16.Type: return unsafeBitCast(try integer(node, path: path) as Int16, to: T.self)
        case is UInt16.Type: return unsafeBitCast(try integer(node, path: path) as UInt16, to: T.self)
        case is Int8.Type: return unsafeBitCast(try integer(node, path: path) as Int8, to: T.self)
        case is UInt8.Type: return unsafeBitCast(try integer(node, path: path) as UInt8, to: T.self)
        case is JSONNumber.Type: return try number(node, path: path) as! T
        default: return try T(from: JSONValueDecoder(document: self, node: node, path: path))
        }
    }

    func number(_ node: Int, path: CodingPath) throws -> JSONNumber {
        guard kind(node) == .number else { throw mismatch(JSONNumber.self, node: node, path: path) }
        let info = nodes[node]
        return JSONNumber(validated: String(decoding: bytes[Int(info.offset)..<Int(info.offset + info.length)], as: UTF8.self))
    }

    func bool(_ node: Int, path: CodingPath) throws -> Bool {
        switch kind(node) {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, node: node, path: path)
        }
    }

    func string(_ node: Int, path: CodingPath) throws -> String {
        guard kind(node) == .string else { throw mismatch(String.self, node: node, path: path) }
        return string(node)
    }

    func integer<T: FixedWidthInteger>(_ node: Int, path: CodingPath) throws -> T {
        guard kind(node) == .number else { throw mismatch(T.self, node: node, path: path) }
        let info = nodes[node]
        let range = Int(info.offset)..<Int(info.offset + info.length)
        let value = bytes.withUnsafeBufferPointer { buffer in
            JSONNumberConversion.integer(buffer, range, plain: info.flags & JSONNode.hasFractionOrExponent == 0, as: T.self)
        }
        guard let value else { throw notRepresentable(T.self, node: node, path: path) }
        return value
    }

    func double(_ node: Int, path: CodingPath) throws -> Double {
        guard kind(node) == .number else { throw mismatch(Double.self, node: node, path: path) }
        let info = nodes[node]
        let range = Int(info.offset)..<Int(info.offset + info.length)
        guard let value = bytes.withUnsafeBufferPointer({ JSONNumberConversion.double($0, range) }) else {
            throw notRepresentable(Double.self, node: node, path: path)
        }
        return value
    }

    func float(_ node: Int, path: CodingPath) throws -> Float {
        guard kind(node) == .number else { throw mismatch(Float.self, node: node, path: path) }
        let info = nodes[node]
        let range = Int(info.offset)..<Int(info.offset + info.length)
        guard let value = bytes.withUnsafeBufferPointer({ JSONNumberConversion.float($0, range) }) else {
            throw notRepresentable(Float.self, node: node, path: path)
        }
        return value
    }

    /// Null where a value was required is `valueNotFound`; another kind of value is `typeMismatch`.
    func mismatch(_ type: Any.Type, node: Int, path: CodingPath) -> DecodingError {
        if kind(node) == .null {
            return DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path.keys, debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        return DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: path.keys, debugDescription: "Expected to decode \(type) but found \(describeKind(node)) instead."))
    }

    func containerMismatch(expected type: Any.Type, node: Int?, path: CodingPath, what: String) -> DecodingError {
        guard let node, kind(node) != .null else {
            return DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: path.keys, debugDescription: "Cannot get \(what) -- found null value instead"))
        }
        return DecodingError.typeMismatch(type, DecodingError.Context(
            codingPath: path.keys, debugDescription: "Expected to decode \(type) but found \(describeKind(node)) instead."))
    }

    /// Foundation reports these with an empty coding path; here the path is the number's own.
    private func notRepresentable(_ type: Any.Type, node: Int, path: CodingPath) -> DecodingError {
        let info = nodes[node]
        let shown = min(Int(info.length), 32)
        let start = Int(info.offset)
        var text = String(decoding: bytes[start..<start + shown], as: UTF8.self)
        if shown < Int(info.length) { text += "…" }
        return DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: path.keys, debugDescription: "Parsed JSON number <\(text)> does not fit in \(type)."))
    }

    private func describeKind(_ node: Int) -> String {
        switch kind(node) {
        case .null: return "null"
        case .true, .false: return "bool"
        case .number: return "number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "a dictionary"
        }
    }
}
