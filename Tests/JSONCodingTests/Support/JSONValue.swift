/// Any JSON document as a Codable value, for comparing what two decoders make of the same bytes.
/// Numbers try Int64 first and fall back to Double, which exercises both conversions.
indirect enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Tests compare doubles by bit pattern so that -0.0 and 0.0 count as different.
    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}

/// Random values that reach the corners: every escape and control character, non-ASCII and
/// canonically equivalent spellings in keys, doubles from raw bit patterns and famous edges.
struct RandomJSON {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    static let stringPieces: [String] = [
        "a", "Z", "0", "9", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{B}",
        "\u{C}", "\u{D}", "\u{1F}", "\u{7F}", "\u{80}", "é", "e\u{301}", "ß", "😀", "👨‍👩‍👧", "\u{2028}", "\u{2029}",
        "\u{FEFF}", "\u{FFFF}", "中文", "</script>", "=cmd|' /C calc'!A0", "&amp;", "\u{10FFFF}", "~", "_",
    ]

    static let keyPieces: [String] = [
        "a", "b", "A", "B", "z", "Z", "_", "~", "1", "10", "2", "-", " ", "é", "e\u{301}", "É", "ä", "😀",
        "ﬀ", "\u{100}", "key", "Key", "\"", "\\", "\u{0}", "\u{1F}",
    ]

    static let famousDoubles: [Double] = [
        0, -0.0, 1, -1, 0.1, 0.2, 0.3, 1.5, 100, 1e15, 1e16, 1e17, 1e20, 1e21, 1e22, 1e-5, 1e-6, 1e-7,
        .leastNonzeroMagnitude, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308,
        9007199254740992, 9007199254740994, 1.2345678901234568e20, 0.000001, 3.141592653589793,
    ]

    mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &generator)
    }

    /// The extremes and zero a quarter of the time each, so range edges are always covered.
    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T {
        switch int(in: 0...3) {
        case 0: return .min
        case 1: return .max
        case 2: return 0
        default: return T.random(in: .min ... .max, using: &generator)
        }
    }

    mutating func bool() -> Bool {
        Bool.random(using: &generator)
    }

    mutating func string(pieces: [String] = stringPieces, maxPieces: Int = 8) -> String {
        var result = ""
        for _ in 0..<int(in: 0...maxPieces) {
            result += pieces[int(in: 0...(pieces.count - 1))]
        }
        return result
    }

    mutating func double() -> Double {
        switch int(in: 0...4) {
        case 0: return Self.famousDoubles[int(in: 0...(Self.famousDoubles.count - 1))]
        case 1: return Double(int(in: -1_000_000...1_000_000)) / 1000
        case 2: return Double(Int64.random(in: .min ... .max, using: &generator))
        default:
            while true {
                let value = Double(bitPattern: generator.next())
                if value.isFinite { return value }
            }
        }
    }

    mutating func float() -> Float {
        if bool() {
            let narrowed = Float(double())
            return narrowed.isFinite ? narrowed : 0.5
        }
        while true {
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
            if value.isFinite { return value }
        }
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        let choice = depth >= 4 ? int(in: 0...4) : int(in: 0...6)
        switch choice {
        case 0: return .null
        case 1: return .bool(bool())
        case 2: return .int(bool() ? Int64(int(in: -1000...1000)) : Int64.random(in: .min ... .max, using: &generator))
        case 3: return .double(double())
        case 4: return .string(string())
        case 5: return .array((0..<int(in: 0...5)).map { _ in value(depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<int(in: 0...6) {
                members[string(pieces: Self.keyPieces, maxPieces: 3)] = value(depth: depth + 1)
            }
            return .object(members)
        }
    }
}

/// `JSONValue` with every number read as Double: what must agree between the decoders even
/// where their integer conversions differ by design.
indirect enum JSONValueWithoutInt: Decodable, Equatable {
    case null
    case bool(Bool)
    case double(UInt64)
    case string(String)
    case array([JSONValueWithoutInt])
    case object([String: JSONValueWithoutInt])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value.bitPattern)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValueWithoutInt].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValueWithoutInt].self))
        }
    }
}
