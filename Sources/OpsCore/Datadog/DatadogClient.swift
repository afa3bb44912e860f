import JSONCoding
import AWSCore
import HTTPCore
import NIOHTTP1

/// Datadog API v1, the calls the daily check and the operators' tools need. Every call has a deadline and the
/// retry policy; the keys travel only in headers, which `HTTPRequest` never prints.
public struct DatadogClient: Sendable {
    /// Datadog's own maximum is 1000; smaller pages keep each answer quick under a 20 s deadline.
    public static let defaultPageSize = 200

    public let endpoint: DatadogEndpoint
    private let keys: DatadogKeys
    private let transport: any HTTPTransport
    private let policy: RetryPolicy
    private let pageSize: Int

    public init(
        endpoint: DatadogEndpoint, keys: DatadogKeys, transport: any HTTPTransport,
        policy: RetryPolicy = RetryPolicy(), pageSize: Int = DatadogClient.defaultPageSize
    ) {
        self.endpoint = endpoint
        self.keys = keys
        self.transport = transport
        self.policy = policy
        self.pageSize = max(1, min(pageSize, 1000))
    }

    /// Every monitor carrying all `tags`, with group states and matching downtimes, page by page until a
    /// short page (a full last page costs one empty request; stopping early would silently drop monitors).
    /// Pages are keyed by `id_offset` (the last id read), not numbered: a monitor created or deleted while
    /// paging would shift numbered pages, showing one monitor twice or skipping one. One listed twice anyway
    /// is kept once.
    public func listMonitors(tags: [String]) async throws(DatadogError) -> [Monitor] {
        var monitors: [Monitor] = []
        var seen: Set<Int64> = []
        var lastID: Int64 = 0
        while true {
            var query = [
                ("group_states", "all"), ("with_downtimes", "true"), ("id_offset", String(lastID)), ("page", "0"),
                ("page_size", String(pageSize)),
            ]
            if !tags.isEmpty { query.insert(("monitor_tags", tags.joined(separator: ",")), at: 0) }
            let batch = try await get([Monitor].self, path: "/api/v1/monitor", query: query)
            monitors += batch.filter { seen.insert($0.id).inserted }
            guard batch.count == pageSize, let last = batch.map(\.id).max(), last > lastID else { return monitors }
            lastID = last
        }
    }

    /// One monitor's current state; a deleted monitor is `DatadogError.api(status: 404, …)`.
    public func monitor(id: Int64) async throws(DatadogError) -> Monitor {
        try await get(Monitor.self, path: "/api/v1/monitor/\(id)", query: [("group_states", "all"), ("with_downtimes", "true")])
    }

    /// One dashboard (`GET /api/v1/dashboard/{id}`) as the bytes Datadog sent: a dashboard is written back to a
    /// file, and decoding it into a model first would lose what the model does not know (and turn `1.0` into `1`).
    public func dashboard(id: String) async throws(DatadogError) -> [UInt8] {
        try await body(path: "/api/v1/dashboard/\(URIEncoding.encode(id))", query: [])
    }

    private func get<Value: Decodable>(_ type: Value.Type, path: String, query: [(String, String)]) async throws(DatadogError) -> Value {
        let bytes = try await body(path: path, query: query)
        do {
            return try JSONDecoding().decode(Value.self, from: bytes)
        } catch {
            throw .malformedResponse(path: path, detail: String(describing: error).prefix(300).description)
        }
    }

    private func body(path: String, query: [(String, String)]) async throws(DatadogError) -> [UInt8] {
        let queryText = query.map { "\(URIEncoding.encode($0.0))=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "DD-API-KEY", value: keys.apiKey)
        headers.add(name: "DD-APPLICATION-KEY", value: keys.applicationKey)
        let url = queryText.isEmpty ? "\(endpoint.baseURL)\(path)" : "\(endpoint.baseURL)\(path)?\(queryText)"
        let request = HTTPRequest(method: .GET, url: url, headers: headers, timeout: policy.timeout)
        let response: HTTPResponse
        do {
            response = try await RetryingSender(policy: policy).send(request, over: transport, verdict: DatadogResponse.verdict)
        } catch is RetryDeadlineExceeded {
            throw .outOfTime(path: path)
        } catch {
            throw .transport(path: path, detail: String(describing: error))
        }
        guard response.isSuccess else {
            throw .api(status: response.status, errors: DatadogResponse.errors(in: response.body), path: path)
        }
        return response.body
    }
}
