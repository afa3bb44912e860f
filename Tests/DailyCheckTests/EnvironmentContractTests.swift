import OpsCore
import Synchronization
import Testing
import TestSupport
@testable import DailyCheckFunction

@Suite struct DailyCheckEnvironmentContractTests {
    @Test func dailyCheckReadsExactlyWhatTheModuleSets() throws {
        let set = try FunctionEnvironmentContract.moduleVariables("daily_check_environment")
        #expect(set.count >= 10)
        let read = Mutex<Set<String>>([])
        var environment = Dictionary(uniqueKeysWithValues: set.map { ($0, "x") })
        environment["OPS_TIMEZONE"] = "Asia/Seoul"
        environment["OPS_CHECK_SLOTS"] = "09:00,20:00"
        environment["OPS_REPORT_PREFIX"] = "reports/"
        environment["OPS_REPORT_URL_TTL"] = "43200"
        environment["OPS_RETENTION_DAYS"] = "400"
        environment["OPS_DATADOG_SITE"] = "datadoghq.com"
        environment["OPS_MONITOR_TAGS"] = "team:argos"
        environment["OPS_MONITOR_PRIORITIES"] = "1,2"
        _ = try DailyCheckConfiguration(environment: EnvironmentReader(environment) { name in read.withLock { _ = $0.insert(name) } })
        #expect(read.withLock { $0 }.subtracting(FunctionEnvironmentContract.localOnly) == set)
    }

    @Test(arguments: [
        ("OPS_CHECKS_TABLE", nil), ("OPS_REPORT_BUCKET", nil), ("OPS_CHECK_SLOTS", "9am"), ("OPS_REPORT_URL_TTL", "999999"),
        ("OPS_DATADOG_SITE", "evil.example.com"), ("OPS_MONITOR_PRIORITIES", "P1"), ("OPS_TIMEZONE", "Nowhere/City"),
        ("OPS_SLACK_SECRET_ID", nil), ("OPS_DATADOG_SECRET_ID", nil), ("OPS_SYSTEM_NAME", "two\nlines"),
    ] as [(String, String?)])
    func badValuesAreInitErrorsNamingTheVariable(variable: String, value: String?) {
        var environment = [
            "OPS_CHECKS_TABLE": "checks", "OPS_REPORT_BUCKET": "reports", "OPS_DATADOG_SECRET_ID": "dd", "OPS_SLACK_SECRET_ID": "slack",
        ]
        environment[variable] = value
        do {
            _ = try DailyCheckConfiguration(environment: EnvironmentReader(environment))
            Issue.record("accepted \(variable)=\(value ?? "nil")")
        } catch {
            #expect(error.variable == variable, "\(error)")
        }
    }
}
