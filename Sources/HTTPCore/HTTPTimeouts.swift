/// How long a transport waits below the request's own deadline: to connect, and for the next bytes of an answer.
public struct HTTPTimeouts: Sendable, Equatable {
    public var connect: Duration
    /// Longest silence while waiting for bytes of an answer.
    public var read: Duration

    public init(connect: Duration = .seconds(3), read: Duration = .seconds(15)) {
        self.connect = connect
        self.read = read
    }
}
