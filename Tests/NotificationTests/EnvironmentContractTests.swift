import OpsCore
import FunctionTestSupport
import Testing
import TestSupport
@testable import NotificationFunction

@Suite struct NotificationEnvironmentContractTests {
    @Test func notificationReadsExactlyWhatTheModuleSets() throws {
        let (set, read) = try FunctionEnvironmentContract.namesSetAndRead("notification_environment") {
            _ = try NotificationConfiguration(environment: $0)
        }
        #expect(set.count >= 8)
        #expect(read == set)
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
