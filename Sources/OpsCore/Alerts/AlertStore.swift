
/// Where collection keeps alerts. A redelivered event must be stored once: `store` says which it was.
public protocol AlertStore: Sendable {
    func store(_ alert: Alert) async throws -> AlertStoreOutcome
}

public enum AlertStoreOutcome: Sendable, Equatable {
    case stored
    case duplicate
}
