import Testing

@testable import Fleet

@Suite struct RecoveryExclusionsDocumentTests {
    static let base = """
        version: 1
        scope: {ec2: [instance]}
        keys:
          cz-owner: {required: true}

        """

    @Test func theAutorecoverySectionNamesTagsToLeaveAlone() throws {
        let policy = try TagPolicy.read(text: Self.base + "autorecovery:\n  exclude: [\"opsdaily:autorecovery=off\", batch]\n", name: "p.yaml")
        let excluded = EC2Instance(
            id: "i-1", type: "m5.large", state: "running", account: "1", region: "r", tags: [TaggedResource.Tag("opsdaily:autorecovery", "off")],
            autoRecovery: nil)
        #expect(policy.recoveryExclusions.reason(for: excluded) == "excluded by the tag opsdaily:autorecovery=off")
        #expect(policy.recoveryExclusions.tags.map(\.key) == ["opsdaily:autorecovery", "batch"])
    }

    @Test func aBadExclusionIsAnErrorAtItsLine() {
        #expect(throws: PolicyError.self) { try TagPolicy.read(text: Self.base + "autorecovery:\n  exclude: [\"=x\"]\n", name: "p.yaml") }
        do {
            _ = try TagPolicy.read(text: Self.base + "autorecovery:\n  exclde: [a]\n", name: "p.yaml")
            Issue.record("an unknown field was accepted")
        } catch {
            #expect(error.description.hasPrefix("p.yaml:6: autorecovery.exclde: unknown field"))
        }
    }
}
