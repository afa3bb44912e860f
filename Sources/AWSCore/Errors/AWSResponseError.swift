/// A 2xx answer whose body is not what the operation promises.
public enum AWSResponseError: Error, Equatable, CustomStringConvertible {
    case undecodable(operation: String, detail: String)

    public var description: String {
        switch self {
        case .undecodable(let operation, let detail): return "\(operation) answered with an unreadable body: \(detail)"
        }
    }
}
