/// A path into an `AWSValue`: member names separated by dots, `[]` after a name for every element of that
/// list. `Reservations[].Instances[].InstanceId`, `Tags[]`, `ResponseMetadata.RequestId`.
public struct AWSValuePath: Sendable, Equatable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Step: Sendable, Equatable, Hashable {
        case member(String)
        case elements
    }

    public let steps: [Step]

    public init(steps: [Step]) {
        self.steps = steps
    }

    /// Parses the dotted form; a malformed path (empty names, `[` without `]`) is an error naming it.
    public init(parsing text: String) throws(AWSValuePathError) {
        var steps: [Step] = []
        guard !text.isEmpty else { throw AWSValuePathError(path: text) }
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var lists = 0
            while name.hasSuffix("[]") {
                name = name.dropLast(2)
                lists += 1
            }
            guard !name.isEmpty || (lists > 0 && steps.isEmpty == false),
                  !name.contains(where: { $0 == "[" || $0 == "]" || $0 == " " })
            else { throw AWSValuePathError(path: text) }
            if !name.isEmpty { steps.append(.member(String(name))) }
            steps += Array(repeating: .elements, count: lists)
        }
        self.steps = steps
    }

    /// For literals in catalogues and tests; a malformed literal is a programming error.
    public init(stringLiteral value: String) {
        do {
            try self.init(parsing: value)
        } catch {
            preconditionFailure("\(error)")
        }
    }

    public var description: String {
        var out = ""
        for step in steps {
            switch step {
            case .member(let name): out += (out.isEmpty ? "" : ".") + name
            case .elements: out += "[]"
            }
        }
        return out
    }
}

public struct AWSValuePathError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public var description: String { "invalid path \"\(path.prefix(80))\": expected names separated by dots, with [] after a list" }
}
