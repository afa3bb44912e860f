import OpsCore
import Testing

@Suite struct CheckCategoryTests {
    @Test(arguments: [
        ("[P1][DB] MySQL CPU", CheckCategory.database), ("[P2][Container] Pods pending", .container),
        ("[P2][System] EC2 CPU", .system), ("[P1][Network] DX down", .network), ("[P2][CSP] SQS congestion", .csp),
        ("[P2][EKS] node", .container),
    ])
    func theNamePrefixDecides(name: String, expected: CheckCategory) {
        #expect(CheckCategory(name: name, tags: ["service:rds"]) == expected)
    }

    @Test func anUnknownTowerLeavesItToTheTags() {
        #expect(CheckCategory(name: "[P3][Finance] spend", tags: ["service:rds"]) == .database)
    }

    @Test func withoutAPrefixTheTagsDecide() {
        #expect(CheckCategory(name: "EC2 CPU", tags: ["team:argos", "service:ec2"]) == .system)
        #expect(CheckCategory(name: "lag", tags: ["monitor:CSP-MSK-ConsumerLag-01"]) == .csp)
        #expect(CheckCategory(name: "x", tags: ["service:aurora-mysql"]) == .database)
        #expect(CheckCategory(name: "x", tags: ["team:argos"]) == .other)
    }
}
