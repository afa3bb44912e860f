/// The `host:port` of the Runtime API, from `AWS_LAMBDA_RUNTIME_API`.
public struct RuntimeAPIEndpoint: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init(_ value: String) throws(RuntimeError) {
        guard let colon = value.lastIndex(of: ":"),
            let port = Int(value[value.index(after: colon)...]), (1...65535).contains(port)
        else { throw .invalidRuntimeAPI(value) }
        let host = String(value[..<colon])
        guard !host.isEmpty else { throw .invalidRuntimeAPI(value) }
        self.init(host: host, port: port)
    }

    /// The value of the `Host` header.
    var hostHeader: String { "\(host):\(port)" }
}
