import Foundation

/// SPEC §10's names are the contract between the functions and Terraform: each function reads exactly the
/// variables `terraform/modules/opsdaily/environment.tf` sets for it, apart from the local-only fallbacks.
public enum FunctionEnvironmentContract {
    /// Read only in local runs, when the matching `*_SECRET_ID` or `OPS_DATADOG_SITE` is not used.
    public static let localOnly: Set<String> = [
        "OPS_DATADOG_API_URL", "OPS_DATADOG_API_KEY", "OPS_DATADOG_APP_KEY", "OPS_SLACK_WEBHOOK_URL", "OPS_WEBHOOK_TOKEN",
    ]

    /// The `OPS_*` names of one function's map in the module, e.g. `collection_environment`.
    public static func moduleVariables(_ map: String) throws -> Set<String> {
        let text = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("terraform/modules/opsdaily/environment.tf"), encoding: .utf8)
        guard let start = text.range(of: "\(map) = {"), let end = text.range(of: "}", range: start.upperBound..<text.endIndex) else {
            throw MissingMap(map: map)
        }
        return Set(text[start.upperBound..<end.lowerBound].matches(of: /(OPS_[A-Z_]+)\s*=/).map { String($0.1) })
    }

    public struct MissingMap: Error { public var map: String }
}
