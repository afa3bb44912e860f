import CivilTime
import Logging

/// A swift-log handler that writes Lambda's two log formats: tab-separated text, or one JSON object per line
/// (`AWS_LAMBDA_LOG_FORMAT=JSON`) with the field names Lambda's advanced logging uses.
public struct LambdaLogHandler: LogHandler {
    public enum Format: Sendable { case text, json }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let format: Format
    private let output: any LogOutput
    private let clock: @Sendable () -> EpochMilliseconds

    public init(
        label: String,
        format: Format,
        level: Logger.Level,
        output: any LogOutput = StandardOutputLog(),
        clock: @escaping @Sendable () -> EpochMilliseconds = { .now }
    ) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.output = output
        self.clock = clock
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let line = LogLine(
            timestamp: Self.timestamp(epochMilliseconds: clock().value),
            level: Self.lambdaName(of: event.level),
            requestID: InvocationLogContext.requestID,
            logger: label,
            message: event.message.description,
            metadata: merged
        )
        output.write(line: format == .json ? line.json : line.text)
    }

    /// ISO 8601 UTC with milliseconds, as Lambda's own log lines carry it.
    static func timestamp(epochMilliseconds: Int64) -> String {
        Instant(epochMilliseconds: epochMilliseconds).iso8601(milliseconds: true)
    }

    static func lambdaName(of level: Logger.Level) -> String {
        switch level {
        case .trace: return "TRACE"
        case .debug: return "DEBUG"
        case .info, .notice: return "INFO"
        case .warning: return "WARN"
        case .error: return "ERROR"
        case .critical: return "FATAL"
        }
    }
}

/// One rendered log line.
struct LogLine {
    var timestamp: String
    var level: String
    var requestID: String?
    var logger: String
    var message: String
    var metadata: Logger.Metadata

    /// `timestamp<TAB>requestId<TAB>LEVEL<TAB>message key=value…`, the layout of Lambda's managed runtimes.
    /// Newlines, tabs and other control characters in the message and metadata are escaped: one event, one line.
    var text: String {
        var out = timestamp + "\t"
        JSONText.appendEscaped(requestID ?? "-", to: &out)
        out += "\t" + level + "\t"
        JSONText.appendEscaped(message, to: &out)
        for key in metadata.keys.sorted() {
            out += " "
            JSONText.appendEscaped(key, to: &out)
            out += "="
            JSONText.appendEscaped(metadata[key]!.description, to: &out)
        }
        return out
    }

    var json: String {
        var out = "{\"timestamp\":\"" + timestamp + "\",\"level\":\"" + level + "\""
        if let requestID {
            out += ",\"requestId\":"
            JSONText.appendString(requestID, to: &out)
        }
        out += ",\"logger\":"
        JSONText.appendString(logger, to: &out)
        out += ",\"message\":"
        JSONText.appendString(message, to: &out)
        for key in metadata.keys.sorted() where !Self.reservedKeys.contains(key) {
            out += ","
            JSONText.appendString(key, to: &out)
            out += ":"
            Self.appendJSON(metadata[key]!, to: &out)
        }
        return out + "}"
    }

    /// Metadata must not overwrite the fields Lambda and log queries rely on.
    private static let reservedKeys: Set<String> = ["timestamp", "level", "requestId", "logger", "message"]

    private static func appendJSON(_ value: Logger.Metadata.Value, to out: inout String) {
        switch value {
        case .string(let string):
            JSONText.appendString(string, to: &out)
        case .stringConvertible(let convertible):
            JSONText.appendString(convertible.description, to: &out)
        case .array(let values):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                appendJSON(element, to: &out)
            }
            out += "]"
        case .dictionary(let dictionary):
            out += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                JSONText.appendString(key, to: &out)
                out += ":"
                appendJSON(dictionary[key]!, to: &out)
            }
            out += "}"
        }
    }
}
