import OpsCore

/// The alerts table's conditional put, in memory: a second put of the same key is a duplicate.
actor InMemoryAlertStore: AlertStore {
    private(set) var alerts: [String: Alert] = [:]
    var failing = false

    func store(_ alert: Alert) async throws -> AlertStoreOutcome {
        if failing { throw StoreDown() }
        if alerts[alert.pk] != nil { return .duplicate }
        alerts[alert.pk] = alert
        return .stored
    }

    func setFailing(_ value: Bool) { failing = value }

    struct StoreDown: Error {}
}
