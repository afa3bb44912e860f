import Testing

@testable import Fleet

@Suite struct TagAuditorTests {
    let policy: TagPolicy
    let auditor: TagAuditor

    init() throws {
        policy = try FleetFixtures.corporatePolicy()
        auditor = TagAuditor(policy: policy)
    }

    func rules(_ tags: [(String, String)], type: String = "instance") -> [String] {
        auditor.findings(FleetFixtures.instance("i-1", tags, type: type)).map { "\($0.rule.rawValue) \($0.key)" }
    }

    @Test func aCompliantInstanceWithTheRightDerivedTagHasNoFinding() {
        #expect(rules(FleetFixtures.compliant + [("Name", "argos-prd-gw-01"), ("EC2Type", "GW")]).isEmpty)
    }

    @Test func everyMissingRequiredKeyIsAFindingAndOptionalOnesAreNot() {
        #expect(rules([]) == ["missing-required cz-project", "missing-required cz-owner", "missing-required cz-stage",
                              "missing-required cz-org", "missing-required cz-appl"])
    }

    @Test func aKeyThatDiffersOnlyInCaseIsWrongCaseAndTheStandardKeyIsStillMissing() {
        let tags = FleetFixtures.compliant.filter { $0.0 != "cz-owner" } + [("CZ-Owner", "ops-team")]
        #expect(rules(tags) == ["wrong-case CZ-Owner", "missing-required cz-owner"])
        #expect(rules(FleetFixtures.compliant + [("Cz-Stage", "prd")]) == ["wrong-case Cz-Stage"], "even beside the right key")
    }

    @Test(arguments: [
        ("argos", true), ("한글-1", true), ("a_b", true), ("a", true), (String(repeating: "a", count: 63), true),
        ("-x", false), ("x-", false), ("_x", false), ("Abc", false), ("argos prd", false), (String(repeating: "a", count: 64), false),
        ("=cmd|' /C calc'!A0", false), ("<script>", false), ("", false),
    ])
    func theCorporateValuePattern(value: String, accepted: Bool) {
        let tags = FleetFixtures.compliant.map { $0.0 == "cz-project" ? ($0.0, value) : $0 }
        #expect(rules(tags) == (accepted ? [] : ["invalid-value cz-project"]))
    }

    @Test func allowedValuesWinOverThePattern() {
        let tags = FleetFixtures.compliant.map { $0.0 == "cz-stage" ? ($0.0, "prod") : $0 }
        let found = auditor.findings(FleetFixtures.instance("i-1", tags))
        #expect(found.map(\.rule) == [.invalidValue])
        #expect(found.first?.detail == "not one of dev, stg, prd")
    }

    @Test func everyAWSLimit() {
        #expect(TagLimits.problem(key: String(repeating: "k", count: 127), value: "v", ec2: true) == nil)
        #expect(TagLimits.problem(key: String(repeating: "k", count: 128), value: "v", ec2: true) != nil)
        #expect(TagLimits.problem(key: String(repeating: "k", count: 128), value: "v", ec2: false) == nil)
        #expect(TagLimits.problem(key: String(repeating: "k", count: 129), value: "v", ec2: false) != nil)
        #expect(TagLimits.problem(key: "", value: "v", ec2: false) != nil)
        #expect(TagLimits.problem(key: "aws:owner", value: "v", ec2: false) != nil)
        #expect(TagLimits.problem(key: "AWS:owner", value: "v", ec2: false) != nil)
        #expect(TagLimits.problem(key: "k", value: String(repeating: "v", count: 256), ec2: false) == nil)
        #expect(TagLimits.problem(key: "k", value: String(repeating: "v", count: 257), ec2: false) != nil)
    }

    @Test func limitsApplyToWhatWouldBeWrittenAndAWSOwnTagsDoNotCount() throws {
        var tags = FleetFixtures.compliant + (1...45).map { ("extra-\($0)", "x") } + [("aws:autoscaling:groupName", "asg")]
        #expect(rules(tags).isEmpty, "50 tags of the user's and one of AWS's")
        tags = FleetFixtures.compliant.filter { $0.0 != "cz-stage" } + (1...45).map { ("extra-\($0)", "x") } + [("Name", "argos-prd-gw-01")]
        #expect(rules(tags) == ["missing-required cz-stage", "derived-missing EC2Type", "aws-limit "], "50 + 2 to write")
        var long = policy
        long.fill["cz-org"] = String(repeating: "v", count: 257)
        let found = TagAuditor(policy: long).findings(FleetFixtures.instance("i-1", [])).filter { $0.rule == .awsLimit }
        #expect(found.map(\.key) == ["cz-org"])
    }

    @Test func derivedTagsMatchWholeTokensInRuleOrder() throws {
        let derived = try #require(policy.derived.first)
        #expect(derived.value(for: "argos-prd-gw-01") == "GW")
        #expect(derived.value(for: "argos-prd-icms-01") == "GW")
        #expect(derived.value(for: "argos-prd-mob-gw-01") == "Mobile", "mob comes first")
        #expect(derived.value(for: "argos_prd.sol 02") == "Solution")
        #expect(derived.value(for: "ARGOS-PRD-INFRA-01") == "Infra")
        #expect(derived.value(for: "admin-console") == nil, "sol is not a token of console")
        #expect(derived.value(for: "solution-server") == nil)
        #expect(derived.value(for: "argos-prd-eks-node-07") == "EKSNode")
    }

    @Test func derivedMissingAndDiffersOnlyOnInstances() {
        #expect(rules(FleetFixtures.compliant + [("Name", "argos-prd-gw-01")]) == ["derived-missing EC2Type"])
        #expect(rules(FleetFixtures.compliant + [("Name", "argos-prd-gw-01"), ("EC2Type", "Solution")]) == ["derived-differs EC2Type"])
        #expect(rules(FleetFixtures.compliant + [("Name", "argos-prd-gw-01")], type: "volume").isEmpty)
        #expect(rules(FleetFixtures.compliant + [("Name", "admin-console")]).isEmpty)
    }
}
