import OpsCore
import Testing
@testable import CollectionFunction

@Suite struct CollectionConfigurationTests {
    let minimal = ["OPS_ALERTS_TABLE": "alerts", "OPS_WEBHOOK_SECRET_ID": "opsdaily/webhook"]

    @Test func defaultsFollowTheSpec() throws {
        let configuration = try CollectionConfiguration(environment: EnvironmentReader(minimal))
        #expect(configuration.alertsTable == "alerts")
        #expect(configuration.zone.identifier == "Asia/Seoul")
        #expect(configuration.retentionDays == 400)
        #expect(configuration.tokenHeader == "X-Ops-Webhook-Token")
        #expect(configuration.token == SecretReference(source: .secret(id: "opsdaily/webhook", field: "token")))
    }

    @Test func localRunsMayGiveTheTokenDirectly() throws {
        let configuration = try CollectionConfiguration(environment: EnvironmentReader(["OPS_ALERTS_TABLE": "a", "OPS_WEBHOOK_TOKEN": "t"]))
        #expect(configuration.token == SecretReference(source: .direct("t")))
    }

    @Test func theLocalDayComesFromTheConfiguredZone() throws {
        // 2026-11-24T15:30Z is 00:30 on the 25th in Seoul but still the 24th in New York.
        let seoul = try CollectionConfiguration(environment: EnvironmentReader(minimal)).parser
        var variables = minimal
        variables["OPS_TIMEZONE"] = "America/New_York"
        let newYork = try CollectionConfiguration(environment: EnvironmentReader(variables)).parser
        let body = Array(#"{"id":"1","date":"1795534200000"}"#.utf8)
        #expect(try seoul.parse(body: body, receivedAt: 0).day == "2026-11-25")
        #expect(try newYork.parse(body: body, receivedAt: 0).day == "2026-11-24")
    }

    @Test(arguments: [
        ("OPS_ALERTS_TABLE", nil),
        ("OPS_ALERTS_TABLE", "has spaces"),
        ("OPS_TIMEZONE", "Mars/Olympus_Mons"),
        ("OPS_TIMEZONE", "../../etc/passwd"),
        ("OPS_RETENTION_DAYS", "0"),
        ("OPS_RETENTION_DAYS", "forever"),
        ("OPS_WEBHOOK_TOKEN_HEADER", "X Token"),
        ("OPS_WEBHOOK_TOKEN_HEADER", "X-Token:<script>"),
        ("OPS_WEBHOOK_SECRET_ID", nil),
    ] as [(String, String?)])
    func badValuesAreInitErrorsNamingTheVariable(variable: String, value: String?) {
        var variables = minimal
        variables[variable] = value
        do {
            _ = try CollectionConfiguration(environment: EnvironmentReader(variables))
            Issue.record("accepted \(variable)=\(value ?? "nil")")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.contains(variable))
        }
    }
}
