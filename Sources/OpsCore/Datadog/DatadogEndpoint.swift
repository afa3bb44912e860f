import HTTPCore

/// Where the Datadog API of an organisation lives: one of the public sites (`api.<site>`) or, for the local
/// fake, a full base URL.
public struct DatadogEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// The sites Datadog documents; an unknown one is refused at init rather than failing at 09:00.
    /// Terraform validates against the same list (`terraform/modules/opsdaily/value-domains.json`).
    public static let knownSites = [
        "datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "datadoghq.eu", "ap1.datadoghq.com", "ap2.datadoghq.com",
        "ddog-gov.com",
    ]

    /// `https://api.datadoghq.com`, without a trailing slash.
    public let baseURL: String
    /// Where people open monitors: `https://app.datadoghq.com`, `https://us3.datadoghq.com`; the base URL
    /// itself for an override.
    public let appURL: String

    public init(site: String) throws(ConfigurationError) {
        guard Self.knownSites.contains(site) else {
            throw ConfigurationError(
                variable: "OPS_DATADOG_SITE", value: site, expected: "one of \(Self.knownSites.joined(separator: ", "))")
        }
        baseURL = "https://api.\(site)"
        // The original sites put the UI on `app.`; the newer regional ones serve it on the site itself.
        appURL = site.split(separator: ".").count > 2 ? "https://\(site)" : "https://app.\(site)"
    }

    public init(baseURL: String) throws(ConfigurationError) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard SecureURL.isAcceptable(trimmed), !trimmed.contains("?"), !trimmed.contains(where: { $0 == " " || $0.isNewline }) else {
            throw ConfigurationError(
                variable: "OPS_DATADOG_API_URL", value: baseURL, expected: "an https base URL without a query (plain http only to this machine)")
        }
        self.baseURL = trimmed
        appURL = trimmed
    }

    public var description: String { baseURL }

    public func monitorURL(id: String) -> String { "\(appURL)/monitors/\(id)" }
}

extension EnvironmentReader {
    /// `OPS_DATADOG_API_URL` when set (the fake), else `api.` + `OPS_DATADOG_SITE` (default `datadoghq.com`).
    public func datadogEndpoint() throws(ConfigurationError) -> DatadogEndpoint {
        if let url = optional("OPS_DATADOG_API_URL") { return try DatadogEndpoint(baseURL: url) }
        return try DatadogEndpoint(site: string("OPS_DATADOG_SITE", default: "datadoghq.com"))
    }
}
