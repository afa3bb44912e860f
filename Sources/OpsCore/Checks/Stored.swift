/// A value the checks table keeps as a string, read back by this and later versions of the functions: a
/// known spelling reads as its case, an unknown one is kept as written rather than refused or guessed.
public enum Stored<Known: RawRepresentable & Sendable & Hashable>: Sendable, Hashable, Codable, CustomStringConvertible
where Known.RawValue == String {
    case known(Known)
    /// Written by a version that knows more cases than this one.
    case unrecognised(String)

    public init(_ value: Known) { self = .known(value) }

    public init(spelling: String) {
        self = Known(rawValue: spelling).map(Self.known) ?? .unrecognised(spelling)
    }

    /// Exactly what is stored.
    public var spelling: String {
        switch self {
        case .known(let value): value.rawValue
        case .unrecognised(let spelling): spelling
        }
    }

    public var known: Known? {
        if case .known(let value) = self { return value }
        return nil
    }

    public var description: String { spelling }

    public init(from decoder: any Decoder) throws {
        self.init(spelling: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(spelling)
    }
}
