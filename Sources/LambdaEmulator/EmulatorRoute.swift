import NIOHTTP1

/// The requests the emulator understands: the Runtime API a function talks to, the Invoke API a caller uses,
/// and a few control routes for tests and benchmarks.
enum EmulatorRoute: Equatable {
    case next
    case invocationResponse(requestID: String)
    case invocationError(requestID: String)
    case initializationError
    case invoke(functionName: String)
    /// Any request under `/_function_url`: the function's URL, as Lambda's Function URLs put an HTTP request
    /// into a payload 2.0 event and the function's answer back into HTTP.
    case functionURL(path: String, query: String)
    case health
    case stats
    case fault(String)
    case notFound

    private static let invocationPrefix = "/2018-06-01/runtime/invocation/"
    private static let functionsPrefix = "/2015-03-31/functions/"
    static let functionURLPrefix = "/_function_url"

    init(method: HTTPMethod, uri: String) {
        let pathEnd = uri.firstIndex(of: "?") ?? uri.endIndex
        let path = String(uri[..<pathEnd])
        let query = pathEnd < uri.endIndex ? String(uri[uri.index(after: pathEnd)...]) : ""
        switch (method, path) {
        case (.GET, Self.invocationPrefix + "next"):
            self = .next
        case (.POST, "/2018-06-01/runtime/init/error"):
            self = .initializationError
        case (.GET, "/_emulator/health"):
            self = .health
        case (.GET, "/_emulator/stats"):
            self = .stats
        case (.POST, "/_emulator/faults"):
            self = .fault(query)
        case (_, _) where path == Self.functionURLPrefix || path.hasPrefix(Self.functionURLPrefix + "/"):
            let rest = path.dropFirst(Self.functionURLPrefix.count)
            self = .functionURL(path: rest.isEmpty ? "/" : String(rest), query: query)
        case (.POST, _) where path.hasPrefix(Self.invocationPrefix):
            self = Self.invocationReport(path.dropFirst(Self.invocationPrefix.count))
        case (.POST, _) where path.hasPrefix(Self.functionsPrefix) && path.hasSuffix("/invocations"):
            let name = path.dropFirst(Self.functionsPrefix.count).dropLast("/invocations".count)
            self = name.isEmpty || name.contains("/") ? .notFound : .invoke(functionName: String(name))
        default:
            self = .notFound
        }
    }

    /// `{id}/response` or `{id}/error`.
    private static func invocationReport(_ rest: Substring) -> EmulatorRoute {
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return .notFound }
        switch parts[1] {
        case "response": return .invocationResponse(requestID: String(parts[0]))
        case "error": return .invocationError(requestID: String(parts[0]))
        default: return .notFound
        }
    }
}
