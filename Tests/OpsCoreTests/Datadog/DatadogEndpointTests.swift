import OpsCore
import Testing

@Suite struct DatadogEndpointTests {
    @Test(arguments: [
        ("datadoghq.com", "https://api.datadoghq.com"), ("datadoghq.eu", "https://api.datadoghq.eu"),
        ("us3.datadoghq.com", "https://api.us3.datadoghq.com"), ("us5.datadoghq.com", "https://api.us5.datadoghq.com"),
        ("ap1.datadoghq.com", "https://api.ap1.datadoghq.com"), ("ddog-gov.com", "https://api.ddog-gov.com"),
    ])
    func aSiteGivesItsAPIHost(site: String, url: String) throws {
        #expect(try EnvironmentReader(["OPS_DATADOG_SITE": site]).datadogEndpoint().baseURL == url)
    }

    @Test func theDefaultIsUS1() throws {
        #expect(try EnvironmentReader([:]).datadogEndpoint().baseURL == "https://api.datadoghq.com")
    }

    @Test func theOverrideWinsAndLosesItsTrailingSlash() throws {
        let reader = EnvironmentReader(["OPS_DATADOG_SITE": "datadoghq.eu", "OPS_DATADOG_API_URL": "http://127.0.0.1:8125/"])
        #expect(try reader.datadogEndpoint().baseURL == "http://127.0.0.1:8125")
    }

    @Test func badValuesNameTheirVariable() {
        #expect(throws: ConfigurationError.self) { try EnvironmentReader(["OPS_DATADOG_SITE": "datadoghq.org"]).datadogEndpoint() }
        do {
            _ = try EnvironmentReader(["OPS_DATADOG_API_URL": "ftp://x"]).datadogEndpoint()
            Issue.record("accepted ftp")
        } catch {
            #expect(error.variable == "OPS_DATADOG_API_URL")
        }
    }

    @Test func theSelectionReadsTagsAndPriorities() throws {
        let selection = try EnvironmentReader(["OPS_MONITOR_TAGS": "team:argos, env:prd", "OPS_MONITOR_PRIORITIES": "1, 3"]).monitorSelection()
        #expect(selection == MonitorSelection(tags: ["team:argos", "env:prd"], priorities: [1, 3]))
        #expect(try EnvironmentReader([:]).monitorSelection() == MonitorSelection(tags: [], priorities: [1, 2]))
        #expect(throws: ConfigurationError.self) { try EnvironmentReader(["OPS_MONITOR_PRIORITIES": "1,,2"]).monitorSelection() }
        #expect(throws: ConfigurationError.self) { try EnvironmentReader(["OPS_MONITOR_PRIORITIES": "P1"]).monitorSelection() }
    }

    @Test func keysNeverPrint() {
        let keys = DatadogKeys(apiKey: "secret-api", applicationKey: "secret-app")
        #expect(!"\(keys)".contains("secret"))
        #expect(!String(reflecting: keys).contains("secret"))
    }
}
