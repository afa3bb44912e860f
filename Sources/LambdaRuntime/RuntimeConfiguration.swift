import Logging

/// The Lambda-provided environment the runtime itself depends on, validated before anything runs.
struct RuntimeConfiguration: Sendable {
    enum LogFormat: Sendable { case text, json }

    var endpoint: RuntimeAPIEndpoint
    var logFormat: LogFormat
    var logLevel: Logger.Level

    init(environment: [String: String]) throws(RuntimeError) {
        guard let api = environment["AWS_LAMBDA_RUNTIME_API"], !api.isEmpty else { throw .missingRuntimeAPI }
        endpoint = try RuntimeAPIEndpoint(api)
        logFormat = try Self.logFormat(environment["AWS_LAMBDA_LOG_FORMAT"])
        logLevel = try Self.logLevel(environment["AWS_LAMBDA_LOG_LEVEL"])
    }

    static func logFormat(_ value: String?) throws(RuntimeError) -> LogFormat {
        switch value?.uppercased() {
        case nil, "", "TEXT": return .text
        case "JSON": return .json
        default:
            throw .invalidConfiguration(variable: "AWS_LAMBDA_LOG_FORMAT", value: value ?? "", expected: "Text or JSON")
        }
    }

    /// Lambda's level names mapped onto swift-log's.
    static func logLevel(_ value: String?) throws(RuntimeError) -> Logger.Level {
        switch value?.uppercased() {
        case nil, "", "INFO": return .info
        case "TRACE": return .trace
        case "DEBUG": return .debug
        case "WARN": return .warning
        case "ERROR": return .error
        case "FATAL": return .critical
        default:
            throw .invalidConfiguration(
                variable: "AWS_LAMBDA_LOG_LEVEL",
                value: value ?? "",
                expected: "one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL"
            )
        }
    }
}
