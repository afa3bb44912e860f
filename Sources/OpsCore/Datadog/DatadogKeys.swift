/// The API and application keys. Their description never shows them: the 2023 system printed them to the logs.
public struct DatadogKeys: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let apiKey: String
    public let applicationKey: String

    public init(apiKey: String, applicationKey: String) {
        self.apiKey = apiKey
        self.applicationKey = applicationKey
    }

    public var description: String { "DatadogKeys(apiKey: <redacted>, applicationKey: <redacted>)" }
    public var debugDescription: String { description }
}
