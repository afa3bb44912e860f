import OpsCore
import Synchronization
import Testing
import TestSupport
@testable import NotificationFunction

@Suite struct NotificationEnvironmentContractTests {
    @Test func notificationReadsExactlyWhatTheModuleSets() throws {
        let set = try FunctionEnvironmentContract.moduleVariables("notification_environment")
        #expect(set.count >= 8)
        let read = Mutex<Set<String>>([])
        var environment = Dictionary(uniqueKeysWithValues: set.map { ($0, "x") })
        environment["OPS_TIMEZONE"] = "Asia/Seoul"
        environment["OPS_CHECK_SLOTS"] = "09:00,20:00"
        environment["OPS_REPORT_PREFIX"] = "reports/"
        environment["OPS_REPORT_URL_TTL"] = "43200"
        _ = try NotificationConfiguration(environment: EnvironmentReader(environment) { name in read.withLock { _ = $0.insert(name) } })
        #expect(read.withLock { $0 }.subtracting(FunctionEnvironmentContract.localOnly) == set)
    }

    @Test(arguments: [
        ("OPS_ALERTS_TABLE", nil), ("OPS_ALERTS_TABLE", "two words"), ("OPS_CHECKS_TABLE", nil), ("OPS_REPORT_BUCKET", nil),
        ("OPS_CHECK_SLOTS", "9am"), ("OPS_CHECK_SLOTS", "09:00,09:05"), ("OPS_REPORT_URL_TTL", "999999"),
        ("OPS_REPORT_PREFIX", "../etc/"), ("OPS_TIMEZONE", "Nowhere/City"), ("OPS_TIMEZONE", "../../etc/passwd"),
        ("OPS_SLACK_SECRET_ID", nil), ("OPS_SYSTEM_NAME", "two\nlines"), ("OPS_SYSTEM_NAME", String(repeating: "x", count: 500)),
    ] as [(String, String?)])
    func badValuesAreInitErrorsNamingTheVariable(variable: String, value: String?) {
        var environment = [
            "OPS_ALERTS_TABLE": "alerts", "OPS_CHECKS_TABLE": "checks", "OPS_REPORT_BUCKET": "reports", "OPS_SLACK_SECRET_ID": "slack",
        ]
        environment[variable] = value
        do {
            _ = try NotificationConfiguration(environment: EnvironmentReader(environment))
            Issue.record("accepted \(variable)=\(value ?? "nil")")
        } catch {
            #expect(error.variable == variable, "\(error)")
        }
    }
}
