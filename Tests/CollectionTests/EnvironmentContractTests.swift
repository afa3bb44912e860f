import Foundation
import OpsCore
import Synchronization
import Testing
import TestSupport
@testable import CollectionFunction

/// SPEC §10's names are the contract between the functions and Terraform: collection reads exactly the
/// variables `terraform/modules/opsdaily/environment.tf` sets for it (local-only fallbacks aside).
@Suite struct EnvironmentContractTests {
    /// The `OPS_*` names of one function's map in the module.
    static func moduleVariables(_ map: String) throws -> Set<String> {
        let text = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent("terraform/modules/opsdaily/environment.tf"), encoding: .utf8)
        guard let start = text.range(of: "\(map) = {"), let end = text.range(of: "}", range: start.upperBound..<text.endIndex) else {
            throw ContractError(reason: "no \(map) map in environment.tf")
        }
        return Set(text[start.upperBound..<end.lowerBound].matches(of: /(OPS_[A-Z_]+)\s*=/).map { String($0.1) })
    }

    struct ContractError: Error { var reason: String }

    @Test func collectionReadsExactlyWhatTheModuleSets() throws {
        let set = try Self.moduleVariables("collection_environment")
        #expect(!set.isEmpty)
        let read = Mutex<Set<String>>([])
        var environment = Dictionary(uniqueKeysWithValues: set.map { ($0, "x") })
        environment["OPS_TIMEZONE"] = "Asia/Seoul"
        environment["OPS_RETENTION_DAYS"] = "400"
        environment["OPS_WEBHOOK_TOKEN_HEADER"] = "X-Ops-Webhook-Token"
        _ = try CollectionConfiguration(environment: EnvironmentReader(environment) { name in read.withLock { _ = $0.insert(name) } })
        #expect(read.withLock { $0 } == set)
    }
}
