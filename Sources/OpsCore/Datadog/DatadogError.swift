/// Why a Datadog call gave no usable answer.
public enum DatadogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Datadog answered with an error status; `errors` is its `{"errors": [...]}` list (empty when the body had none).
    case api(status: Int, errors: [String], path: String)
    /// A 2xx answer whose body is not what the API documents.
    case malformedResponse(path: String, detail: String)
    /// No answer after every attempt (timeouts, refused connections).
    case transport(path: String, detail: String)
    /// Not asked: the invocation's time for retries (`RetryDeadline`) had run out.
    case outOfTime(path: String)

    public var status: Int? {
        if case .api(let status, _, _) = self { return status }
        return nil
    }

    public var isNotFound: Bool { status == 404 }

    public var description: String {
        switch self {
        case .api(let status, let errors, let path):
            let reason = errors.isEmpty ? "no error message" : errors.joined(separator: "; ")
            return "Datadog \(path) answered \(status): \(reason)"
        case .malformedResponse(let path, let detail): return "Datadog \(path) answered something unreadable: \(detail)"
        case .transport(let path, let detail): return "Datadog \(path) unreachable: \(detail)"
        case .outOfTime(let path): return "Datadog \(path) not asked: no time left before the invocation's deadline"
        }
    }
}
