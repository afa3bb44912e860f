import Foundation
import OpsCore
import FunctionTestSupport
import Testing
import TestSupport
@testable import CollectionFunction

/// SPEC §10's names are the contract between the functions and Terraform: collection reads exactly the
/// variables `terraform/modules/opsdaily/environment.tf` sets for it (local-only fallbacks aside).
@Suite struct EnvironmentContractTests {
    @Test func collectionReadsExactlyWhatTheModuleSets() throws {
        let (set, read) = try FunctionEnvironmentContract.namesSetAndRead("collection_environment") {
            _ = try CollectionConfiguration(environment: $0)
        }
        #expect(set.count >= 4)
        #expect(read == set)
    }
}
