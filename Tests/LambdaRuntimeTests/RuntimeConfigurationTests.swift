import Logging
import Testing
@testable import LambdaRuntime

@Suite struct RuntimeConfigurationTests {
    @Test func defaultsAreTextAndInfo() throws {
        let configuration = try RuntimeConfiguration(environment: ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001"])
        #expect(configuration.endpoint == RuntimeAPIEndpoint(host: "127.0.0.1", port: 9001))
        #expect(configuration.logFormat == .text)
        #expect(configuration.logLevel == .info)
    }

    @Test(arguments: [("TRACE", Logger.Level.trace), ("debug", .debug), ("Info", .info), ("WARN", .warning), ("ERROR", .error), ("FATAL", .critical)])
    func lambdaLevelNamesMapToSwiftLog(name: String, level: Logger.Level) throws {
        let configuration = try RuntimeConfiguration(environment: ["AWS_LAMBDA_RUNTIME_API": "h:1", "AWS_LAMBDA_LOG_LEVEL": name])
        #expect(configuration.logLevel == level)
    }

    @Test func jsonFormatIsRecognisedInAnyCase() throws {
        let configuration = try RuntimeConfiguration(environment: ["AWS_LAMBDA_RUNTIME_API": "h:1", "AWS_LAMBDA_LOG_FORMAT": "json"])
        #expect(configuration.logFormat == .json)
    }

    @Test(arguments: [
        ["AWS_LAMBDA_RUNTIME_API": "h:1", "AWS_LAMBDA_LOG_LEVEL": "VERBOSE"],
        ["AWS_LAMBDA_RUNTIME_API": "h:1", "AWS_LAMBDA_LOG_FORMAT": "xml"],
        ["AWS_LAMBDA_RUNTIME_API": ""],
        [:],
        ["AWS_LAMBDA_RUNTIME_API": "no-port"],
        ["AWS_LAMBDA_RUNTIME_API": "host:99999"],
        ["AWS_LAMBDA_RUNTIME_API": ":9001"],
        ["AWS_LAMBDA_RUNTIME_API": "host:abc"],
    ])
    func invalidSettingsAreRejectedWithTheirName(environment: [String: String]) {
        do {
            _ = try RuntimeConfiguration(environment: environment)
            Issue.record("accepted \(environment)")
        } catch {
            let text = error.description
            #expect(text.contains("AWS_LAMBDA_"), "the error must name the variable: \(text)")
        }
    }
}
