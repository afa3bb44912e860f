import ArgumentParser
import OpsCore

/// Where the Datadog organisation is and how to reach it, as the functions take it (SPEC §10): the site, or
/// `OPS_DATADOG_API_URL` for the local fake; the keys from a Secrets Manager secret (`--secret-id`, else
/// `OPS_DATADOG_SECRET_ID`, read with `--profile`/`--region`), else `OPS_DATADOG_API_KEY` and `OPS_DATADOG_APP_KEY`,
/// else `DD_API_KEY` and `DD_APP_KEY`, which an operator of the Datadog Terraform stack has set already.
public struct DatadogOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp(
        "Datadog site, e.g. datadoghq.eu (the API is api.<site>). Default: OPS_DATADOG_API_URL, else OPS_DATADOG_SITE, else datadoghq.com.",
        valueName: "site"))
    public var site: String?

    @Option(
        name: .customLong("secret-id"),
        help: ArgumentHelp(
            "Secrets Manager id of the secret {\"api_key\": …, \"app_key\": …}. "
                + "Default: OPS_DATADOG_SECRET_ID, else the keys in OPS_DATADOG_API_KEY and OPS_DATADOG_APP_KEY, "
                + "else in DD_API_KEY and DD_APP_KEY.",
            valueName: "id"))
    public var secretID: String?

    public init() {}

    public func validate() throws {
        if let site, !DatadogEndpoint.knownSites.contains(site) {
            throw ValidationError("--site \"\(site.prefix(40))\" is not one of \(DatadogEndpoint.knownSites.joined(separator: ", "))")
        }
        if let secretID, secretID.isEmpty || secretID.utf8.count > 2_048 || secretID.contains(where: { $0.isNewline || $0 == " " }) {
            throw ValidationError("--secret-id is not a secret name or ARN")
        }
    }

    func endpoint(environment: [String: String]) throws -> DatadogEndpoint {
        if let site { return try DatadogEndpoint(site: site) }
        return try EnvironmentReader(environment).datadogEndpoint()
    }

    /// The API and application key, each from the secret or its variable.
    func keys(environment: [String: String]) throws -> (api: SecretReference, application: SecretReference) {
        var variables = environment
        if let secretID { variables["OPS_DATADOG_SECRET_ID"] = secretID }
        // Datadog's own names as a pair, and only when none of ours is set: keys are never taken half from each.
        let ours = ["OPS_DATADOG_SECRET_ID", "OPS_DATADOG_API_KEY", "OPS_DATADOG_APP_KEY"]
        if ours.allSatisfy({ variables[$0] == nil }) {
            variables["OPS_DATADOG_API_KEY"] = environment["DD_API_KEY"]
            variables["OPS_DATADOG_APP_KEY"] = environment["DD_APP_KEY"]
        }
        let reader = EnvironmentReader(variables)
        do {
            return (
                try SecretReference(reader, secretIDVariable: "OPS_DATADOG_SECRET_ID", field: "api_key", directVariable: "OPS_DATADOG_API_KEY"),
                try SecretReference(reader, secretIDVariable: "OPS_DATADOG_SECRET_ID", field: "app_key", directVariable: "OPS_DATADOG_APP_KEY")
            )
        } catch {
            throw ValidationError(
                "no Datadog keys: give --secret-id, or set OPS_DATADOG_SECRET_ID, or OPS_DATADOG_API_KEY and OPS_DATADOG_APP_KEY, "
                    + "or DD_API_KEY and DD_APP_KEY")
        }
    }
}
