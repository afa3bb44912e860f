/// The `Encoder` a value's `encode(to:)` talks to: one per nested non-scalar value, holding what
/// that value encoded. Behaviour Codable leaves open follows Foundation's `JSONEncoder`: asking for
/// the same kind of container twice continues the first one, a value that encodes nothing becomes
/// `{}` when nested (and an error at the top), and mixing container kinds at one level traps.
final class JSONValueEncoder: Encoder {
    /// Where a super-encoder puts its value once the superclass is done with it (see `deinit`).
    enum WriteBack {
        case array(JSONArrayBox, index: Int)
        case object(JSONObjectBox, key: String)
    }

    let path: CodingPath
    var value: JSONTree?
    private let writeBack: WriteBack?

    init(path: CodingPath, writeBack: WriteBack? = nil) {
        self.path = path
        self.writeBack = writeBack
    }

    /// Codable gives a super-encoder no "done" call, so like Foundation the value is stored in
    /// the parent when the encoder is released: into the slot it was created for, inserted (not
    /// appended) in an array even if siblings were encoded meanwhile.
    deinit {
        guard let writeBack else { return }
        let finished = value ?? .object(JSONObjectBox())
        switch writeBack {
        case .array(let box, let index):
            box.elements.insert(finished, at: min(index, box.elements.count))
        case .object(let box, let key):
            box.members[key] = finished
        }
    }

    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        switch value {
        case .object(let existing)?:
            box = existing
        case nil:
            box = JSONObjectBox()
            value = .object(box)
        default:
            preconditionFailure("Attempt to push new keyed encoding container when already previously encoded at this path.")
        }
        return KeyedEncodingContainer(JSONKeyedEncodingContainer<Key>(box: box, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONArrayBox
        switch value {
        case .array(let existing)?:
            box = existing
        case nil:
            box = JSONArrayBox()
            value = .array(box)
        default:
            preconditionFailure("Attempt to push new unkeyed encoding container when already previously encoded at this path.")
        }
        return JSONUnkeyedEncodingContainer(box: box, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        self
    }

    /// What `value` encodes to when encoded at this encoder's level; nil if it encoded nothing.
    func tree<T: Encodable>(for value: T) throws -> JSONTree? {
        if let scalar = try JSONValueEncoder.scalarTree(value, path: path) {
            return scalar
        }
        try value.encode(to: self)
        return self.value
    }

    /// The tree for a value nested under `path`. Scalars reached through the generic entry points
    /// (`[String]`, `[Int]`, `Optional<Double>`…) skip the per-value encoder allocation.
    static func nestedTree<T: Encodable>(_ value: T, path: CodingPath) throws -> JSONTree {
        if let scalar = try scalarTree(value, path: path) {
            return scalar
        }
        let encoder = JSONValueEncoder(path: path)
        try value.encode(to: encoder)
        return encoder.value ?? .object(JSONObjectBox())
    }

    private static func scalarTree<T: Encodable>(_ value: T, path: CodingPath) throws -> JSONTree? {
        switch T.self {
        case is String.Type: return .string(unsafeBitCast(value, to: String.self))
        case is Int.Type: return .number(unsafeBitCast(value, to: Int.self).description)
        case is Bool.Type: return .bool(unsafeBitCast(value, to: Bool.self))
        case is Double.Type: return try number(unsafeBitCast(value, to: Double.self), path: path)
        case is Int64.Type: return .number(unsafeBitCast(value, to: Int64.self).description)
        case is UInt64.Type: return .number(unsafeBitCast(value, to: UInt64.self).description)
        case is Int32.Type: return .number(unsafeBitCast(value, to: Int32.self).description)
        case is UInt32.Type: return .number(unsafeBitCast(value, to: UInt32.self).description)
        case is UInt.Type: return .number(unsafeBitCast(value, to: UInt.self).description)
        case is Float.Type: return try number(unsafeBitCast(value, to: Float.self), path: path)
        case is Int16.Type: return .number(unsafeBitCast(value, to: Int16.self).description)
        case is UInt16.Type: return .number(unsafeBitCast(value, to: UInt16.self).description)
        case is Int8.Type: return .number(unsafeBitCast(value, to: Int8.self).description)
        case is UInt8.Type: return .number(unsafeBitCast(value, to: UInt8.self).description)
        case is JSONNumber.Type: return .number((value as! JSONNumber).text)
        default: return nil
        }
    }

    /// Swift's shortest round-tripping spelling, which is what Foundation writes: "1e+16", "5e-324",
    /// "0.1" for Float(0.1) — only the ".0" of integral values below 2^53 is dropped ("-0" for -0.0).
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, path: CodingPath) throws -> JSONTree {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path.keys,
                debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
        }
        var text = value.description
        if text.utf8.count >= 2, text.utf8.last == UInt8(ascii: "0"),
           text.utf8[text.utf8.index(text.utf8.endIndex, offsetBy: -2)] == UInt8(ascii: ".") {
            text.removeLast(2)
        }
        return .number(text)
    }
}

extension JSONValueEncoder: SingleValueEncodingContainer {
    private func store(_ tree: JSONTree) {
        precondition(value == nil, "Attempt to encode value through single value container when previously value already encoded.")
        value = tree
    }

    func encodeNil() throws { store(.null) }
    func encode(_ value: Bool) throws { store(.bool(value)) }
    func encode(_ value: String) throws { store(.string(value)) }
    func encode(_ value: Double) throws { store(try Self.number(value, path: path)) }
    func encode(_ value: Float) throws { store(try Self.number(value, path: path)) }
    func encode(_ value: Int) throws { store(.number(value.description)) }
    func encode(_ value: Int8) throws { store(.number(value.description)) }
    func encode(_ value: Int16) throws { store(.number(value.description)) }
    func encode(_ value: Int32) throws { store(.number(value.description)) }
    func encode(_ value: Int64) throws { store(.number(value.description)) }
    @available(macOS 15.0, *)
    func encode(_ value: Int128) throws { store(.number(value.description)) }
    func encode(_ value: UInt) throws { store(.number(value.description)) }
    func encode(_ value: UInt8) throws { store(.number(value.description)) }
    func encode(_ value: UInt16) throws { store(.number(value.description)) }
    func encode(_ value: UInt32) throws { store(.number(value.description)) }
    func encode(_ value: UInt64) throws { store(.number(value.description)) }
    @available(macOS 15.0, *)
    func encode(_ value: UInt128) throws { store(.number(value.description)) }

    func encode<T: Encodable>(_ value: T) throws {
        precondition(self.value == nil, "Attempt to encode value through single value container when previously value already encoded.")
        if let scalar = try Self.scalarTree(value, path: path) {
            self.value = scalar
        } else {
            // The value encodes at this same level (a wrapper forwarding to what it wraps); if it
            // encodes nothing, Foundation stores `{}` here rather than leaving the level empty.
            try value.encode(to: self)
            if self.value == nil { self.value = .object(JSONObjectBox()) }
        }
    }
}
