import OpsCore
import FunctionTestSupport
import Testing
import TestSupport
@testable import DailyCheckFunction

@Suite struct DailyCheckEnvironmentContractTests {
    @Test func dailyCheckReadsExactlyWhatTheModuleSets() throws {
        let (set, read) = try FunctionEnvironmentContract.namesSetAndRead("daily_check_environment") {
            _ = try DailyCheckConfiguration(environment: $0)
        }
        #expect(set.count >= 10)
        #expect(read == set)
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
