import CivilTime

/// A group of a multi-alert monitor that is not OK, and since when it has been so.
public struct FailingGroup: Sendable, Equatable {
    public var name: String
    public var status: String
    public var since: Instant?

    public init(name: String, status: String, since: Instant?) {
        self.name = name
        self.status = status
        self.since = since
    }
}
