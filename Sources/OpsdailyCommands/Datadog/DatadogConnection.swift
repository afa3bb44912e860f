import ArgumentParser
import AWSCore
import AsyncHTTPClientSupport
import HTTPCore
import OpsCore

/// The Datadog client of one run and the connection pool under it, which `close()` shuts down.
struct DatadogConnection {
    let client: DatadogClient
    let transport: AsyncHTTPClientTransport

    /// Reads the keys (from Secrets Manager when a secret is named, with the run's one profile and region).
    static func open(_ options: DatadogOptions, global: GlobalOptions, environment: [String: String]) async throws -> DatadogConnection {
        if global.profiles.count > 1 || global.regions.count > 1 {
            throw ValidationError("the Datadog commands read a secret with one --profile and one --region")
        }
        let endpoint = try options.endpoint(environment: environment)
        let references = try options.keys(environment: environment)
        let transport = AsyncHTTPClientTransport()
        do {
            let keys: DatadogKeys
            if case .direct(let api) = references.api.source, case .direct(let application) = references.application.source {
                keys = DatadogKeys(apiKey: api, applicationKey: application)
            } else {
                let scope = try AWSSession(environment: environment, transport: transport)
                    .scope(profile: global.profiles.first, region: global.regions.first)
                let secrets = SecretCache(client: SecretsManagerClient(client: scope.client, configuration: try scope.configuration(for: .secretsManager)))
                keys = DatadogKeys(
                    apiKey: try await references.api.resolve(with: secrets), applicationKey: try await references.application.resolve(with: secrets))
            }
            return DatadogConnection(client: DatadogClient(endpoint: endpoint, keys: keys, transport: transport), transport: transport)
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    func close() async {
        try? await transport.shutdown()
    }
}
