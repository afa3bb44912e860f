import OpsCore

extension JSONTree {
    /// A value the Datadog client decoded (a monitor's options), to be written as indented text.
    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .integer(String(number))
        case .number(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONTree.init))
        case .object(let members): self = .object(members.map { JSONMember($0.key, JSONTree($0.value)) })
        }
    }
}

extension JSONValue {
    /// Whether two values mean the same setting: numbers by value (`90` is `90.0`), the rest exactly.
    public func sameSetting(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
            return numeric == other.numeric
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.sameSetting(as: $1) }
        case (.object(let left), .object(let right)):
            return Set(left.keys) == Set(right.keys) && left.allSatisfy { key, value in right[key].map(value.sameSetting) ?? false }
        default:
            return self == other
        }
    }

    var numeric: Double? {
        switch self {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        default: return nil
        }
    }
}
