import NIOHTTP1

/// One operation of a service, as data: its name, and for the REST protocols its HTTP method and path
/// template (`/clusters`, `/2013-04-01/hostedzone/{Id}`). The query and JSON protocols always `POST /`.
public struct AWSOperation: Sendable, Equatable {
    public var name: String
    public var method: HTTPMethod
    /// Labels in braces are filled from `OperationInput.pathLabels`; `{Key+}` keeps its slashes.
    public var path: String
    /// False for operations whose model says `authtype: none` (they carry a token of their own).
    public var isSigned: Bool

    public init(_ name: String, method: HTTPMethod = .POST, path: String = "/", isSigned: Bool = true) {
        self.name = name
        self.method = method
        self.path = path
        self.isSigned = isSigned
    }
}
