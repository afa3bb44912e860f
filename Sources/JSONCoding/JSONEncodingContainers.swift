/// Keyed encoding into an object box. Encoding a key again replaces the value, as in Foundation;
/// `encodeIfPresent` is left to the standard library, which skips nil — so synthesized `Codable`
/// omits nil optionals while an explicit `encodeNil` writes `null`.
struct JSONKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil(forKey key: Key) throws { box.members[key.stringValue] = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.members[key.stringValue] = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.members[key.stringValue] = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        box.members[key.stringValue] = try JSONValueEncoder.number(value, path: path.appending(key))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        box.members[key.stringValue] = try JSONValueEncoder.number(value, path: path.appending(key))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { box.members[key.stringValue] = .number(value.description) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.members[key.stringValue] = try JSONValueEncoder.nestedTree(value, path: path.appending(key))
    }

    /// Asking again for the same key continues the container already there (Foundation merges the
    /// same way); a different kind of value already at the key is a programming error.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested: JSONObjectBox
        switch box.members[key.stringValue] {
        case .object(let existing)?:
            nested = existing
        case nil:
            nested = JSONObjectBox()
            box.members[key.stringValue] = .object(nested)
        default:
            preconditionFailure("Attempt to re-encode into nested KeyedEncodingContainer<\(Key.self)> for key \"\(key.stringValue)\" is invalid: non-keyed container already encoded for this key")
        }
        return KeyedEncodingContainer(JSONKeyedEncodingContainer<NestedKey>(box: nested, path: path.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested: JSONArrayBox
        switch box.members[key.stringValue] {
        case .array(let existing)?:
            nested = existing
        case nil:
            nested = JSONArrayBox()
            box.members[key.stringValue] = .array(nested)
        default:
            preconditionFailure("Attempt to re-encode into nested UnkeyedEncodingContainer for key \"\(key.stringValue)\" is invalid: keyed container/single value already encoded for this key")
        }
        return JSONUnkeyedEncodingContainer(box: nested, path: path.appending(key))
    }

    mutating func superEncoder() -> any Encoder {
        JSONValueEncoder(path: path.appending(JSONCodingKey.super), writeBack: .object(box, key: JSONCodingKey.super.stringValue))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONValueEncoder(path: path.appending(key), writeBack: .object(box, key: key.stringValue))
    }
}

struct JSONUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    let path: CodingPath

    var codingPath: [any CodingKey] { path.keys }
    var count: Int { box.elements.count }

    mutating func encodeNil() throws { box.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { box.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        box.elements.append(try JSONValueEncoder.number(value, path: path.appending(index: count)))
    }
    mutating func encode(_ value: Float) throws {
        box.elements.append(try JSONValueEncoder.number(value, path: path.appending(index: count)))
    }
    mutating func encode(_ value: Int) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: Int8) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: Int16) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: Int32) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: Int64) throws { box.elements.append(.number(value.description)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: UInt) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: UInt8) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: UInt16) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: UInt32) throws { box.elements.append(.number(value.description)) }
    mutating func encode(_ value: UInt64) throws { box.elements.append(.number(value.description)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128) throws { box.elements.append(.number(value.description)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.elements.append(try JSONValueEncoder.nestedTree(value, path: path.appending(index: count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        let nestedPath = path.appending(index: count)
        box.elements.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedEncodingContainer<NestedKey>(box: nested, path: nestedPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        let nestedPath = path.appending(index: count)
        box.elements.append(.array(nested))
        return JSONUnkeyedEncodingContainer(box: nested, path: nestedPath)
    }

    mutating func superEncoder() -> any Encoder {
        JSONValueEncoder(path: path.appending(index: count), writeBack: .array(box, index: count))
    }
}
