import Foundation
import OpsCore
import Synchronization
import Testing
import TestSupport
@testable import CollectionFunction

/// SPEC §10's names are the contract between the functions and Terraform: collection reads exactly the
/// variables `terraform/modules/opsdaily/environment.tf` sets for it (local-only fallbacks aside).
@Suite struct EnvironmentContractTests {
    @Test func collectionReadsExactlyWhatTheModuleSets() throws {
        let set = try FunctionEnvironmentContract.moduleVariables("collection_environment")
        #expect(!set.isEmpty)
        let read = Mutex<Set<String>>([])
        var environment = Dictionary(uniqueKeysWithValues: set.map { ($0, "x") })
        environment["OPS_TIMEZONE"] = "Asia/Seoul"
        environment["OPS_RETENTION_DAYS"] = "400"
        environment["OPS_WEBHOOK_TOKEN_HEADER"] = "X-Ops-Webhook-Token"
        _ = try CollectionConfiguration(environment: EnvironmentReader(environment) { name in read.withLock { _ = $0.insert(name) } })
        #expect(read.withLock { $0 }.subtracting(FunctionEnvironmentContract.localOnly) == set)
    }
}
