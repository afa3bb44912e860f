/// An AWS response (or request body) as a tree, whatever the protocol: what declarative catalogues read by
/// path when no Swift type describes the shape. JSON maps onto it directly; XML elements become structures
/// (a leaf element: its text), and a list is whatever an element repeats or wraps (`member`, `item`, or
/// the list's own element name, as Route 53 writes them), so both read with the same paths. One case reads
/// wrongly without the model: a list XML writes flattened, with a single item that has a single member.
public enum AWSValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Exactly as written: amounts and sizes are never rounded through a binary float.
    case number(String)
    case string(String)
    case list([AWSValue])
    /// In document order; XML may repeat a name, so this is not a dictionary.
    case structure([Member])

    public struct Member: Sendable, Equatable {
        public var name: String
        public var value: AWSValue

        public init(_ name: String, _ value: AWSValue) {
            self.name = name
            self.value = value
        }
    }

    /// The first member called `name`.
    public subscript(name: String) -> AWSValue? {
        guard case .structure(let members) = self else { return nil }
        return members.first { $0.name == name }?.value
    }

    /// The elements of a list: a JSON array's items, or the children of an XML list element, whose children all
    /// share one name (`<Users><member>…`, `<tagSet><item>…`, `<HostedZones><HostedZone>…`). An empty XML
    /// element (`<Users/>`, read as "") and `null` are empty lists; any other value is a list of itself (one item
    /// of a list XML writes flattened, as S3 writes `<Contents>`).
    public var elements: [AWSValue] {
        switch self {
        case .list(let values): return values
        case .structure(let members) where members.allSatisfy({ $0.name == members.first?.name }): return members.map(\.value)
        case .string(let text) where text.allSatisfy(\.isWhitespace): return []
        case .null: return []
        default: return [self]
        }
    }

    /// A scalar as text (`true`, `42`, the string itself); nil for null, lists and structures.
    public var text: String? {
        switch self {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null, .list, .structure: return nil
        }
    }

    /// The values a path such as `Reservations[].Instances[].InstanceId` reaches: a name steps into a
    /// member, `[]` into every element of a list. `Contents[]` where XML repeats `<Contents>` (a flattened
    /// list) reaches every one of them. Missing members reach nothing.
    public func values(at path: AWSValuePath) -> [AWSValue] {
        var current = [self]
        var index = path.steps.startIndex
        while index < path.steps.endIndex {
            let step = path.steps[index]
            let listFollows = path.steps.index(after: index) < path.steps.endIndex && path.steps[path.steps.index(after: index)] == .elements
            current = current.flatMap { value -> [AWSValue] in
                switch step {
                case .member(let name) where listFollows:
                    guard case .structure(let members) = value else { return [] }
                    let named = members.filter { $0.name == name }
                    return named.count > 1 ? named.map(\.value) : named.first?.value.elements ?? []
                case .member(let name): return value[name].map { [$0] } ?? []
                case .elements: return value.elements
                }
            }
            index = path.steps.index(index, offsetBy: listFollows ? 2 : 1)
        }
        return current
    }
}
