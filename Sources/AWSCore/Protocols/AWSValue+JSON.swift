import JSONCoding

/// JSON in and out: what the JSON protocols' bodies read into and are written from.
extension AWSValue: Codable {
    struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            // JSON objects have no order; sorted keys make the tree (and anything printed from it) stable.
            self = .structure(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
                Member(key.stringValue, try object.decode(AWSValue.self, forKey: key))
            })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var values: [AWSValue] = []
            while !array.isAtEnd { values.append(try array.decode(AWSValue.self)) }
            self = .list(values)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else {
            // Exact decimal text: 19-digit ids must not be rounded through `Double`, and Java-backed
            // services' `1.602010811E9` epoch seconds read as the integer they are.
            self = .number(try single.decode(JSONNumber.self).plainDecimalText)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .number(let text):
            var single = encoder.singleValueContainer()
            if let number = JSONNumber(text) {
                try single.encode(number)
            } else {
                try single.encode(text)
            }
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .list(let values):
            var array = encoder.unkeyedContainer()
            for value in values { try array.encode(value) }
        case .structure(let members):
            var object = encoder.container(keyedBy: Key.self)
            for member in members { try object.encode(member.value, forKey: Key(stringValue: member.name)) }
        }
    }

    /// Parses a JSON document; an empty body (some operations answer nothing) is an empty structure.
    public init(json bytes: [UInt8]) throws {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            self = .structure([])
            return
        }
        self = try JSONDecoding().decode(AWSValue.self, from: bytes)
    }
}
