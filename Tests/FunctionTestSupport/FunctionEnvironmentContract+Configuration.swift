import OpsCore
import Synchronization
import TestSupport

extension FunctionEnvironmentContract {
    /// Values that parse, for the variables whose placeholder `x` would not; the others get `x`.
    static let parsableValues = [
        "OPS_TIMEZONE": "Asia/Seoul", "OPS_CHECK_SLOTS": "09:00,20:00", "OPS_REPORT_PREFIX": "reports/",
        "OPS_REPORT_URL_TTL": "43200", "OPS_RETENTION_DAYS": "400", "OPS_DATADOG_SITE": "datadoghq.com",
        "OPS_MONITOR_TAGS": "team:argos", "OPS_MONITOR_PRIORITIES": "1,2", "OPS_WEBHOOK_TOKEN_HEADER": "X-Ops-Webhook-Token",
    ]

    /// The names the module's `map` sets, and the names `configure` reads from an environment holding
    /// exactly those (local-only fallbacks aside): equal when function and module agree.
    public static func namesSetAndRead(
        _ map: String, configure: (EnvironmentReader) throws -> Void
    ) throws -> (set: Set<String>, read: Set<String>) {
        let set = try moduleVariables(map)
        let environment = Dictionary(uniqueKeysWithValues: set.map { ($0, parsableValues[$0] ?? "x") })
        let read = Mutex<Set<String>>([])
        try configure(EnvironmentReader(environment) { name in read.withLock { _ = $0.insert(name) } })
        return (set, read.withLock { $0 }.subtracting(localOnly))
    }
}
