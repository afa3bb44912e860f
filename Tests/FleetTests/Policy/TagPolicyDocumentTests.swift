import Foundation
import Testing
import TestSupport

@testable import Fleet

/// The policy file's format (the tags contract) decoded into a `TagPolicy`, the shipped 2023 standard, and
/// every mistake an operator can make in a policy named by its path and line.
@Suite struct TagPolicyDocumentTests {
    /// The 2023 Cloud-Z standard as the contract gives it.
    private static let standard: TagPolicy = {
        let derived = TagPolicy.DerivedTag(
            key: "EC2Type", from: "Name", separators: ["-", "_", ".", " "],
            rules: [
                TagPolicy.TokenRule(tokens: ["mob"], value: "Mobile"), TagPolicy.TokenRule(tokens: ["gw", "icms"], value: "GW"),
                TagPolicy.TokenRule(tokens: ["sol"], value: "Solution"), TagPolicy.TokenRule(tokens: ["infra"], value: "Infra"),
                TagPolicy.TokenRule(tokens: ["eks"], value: "EKSNode"),
            ],
            scope: [.instance]
        )
        return TagPolicy(
            scope: TagPolicy.Scope(ec2: [.instance, .volume], taggingAPI: ["rds:db", "s3:bucket", "lambda:function"]),
            keys: [
                TagPolicy.KeyRule(key: "cz-project", required: true), TagPolicy.KeyRule(key: "cz-owner", required: true),
                TagPolicy.KeyRule(key: "cz-stage", required: true, values: ["dev", "stg", "prd"]), TagPolicy.KeyRule(key: "cz-org", required: true),
                TagPolicy.KeyRule(key: "cz-appl", required: true), TagPolicy.KeyRule(key: "cz-ext1"), TagPolicy.KeyRule(key: "cz-ext2"),
                TagPolicy.KeyRule(key: "cz-ext3"),
            ],
            valuePattern: try! ValuePattern("^[a-z0-9가-힣]([a-z0-9가-힣_-]{0,61}[a-z0-9가-힣])?$"),
            fill: ["cz-stage": "prd"], derived: [derived], groupBy: "cz-owner"
        )
    }()

    private func shipped(_ name: String) throws -> TagPolicy {
        let path = RepositoryPaths.root.appendingPathComponent("policies").appendingPathComponent(name).path
        return try TagPolicy.read(text: try String(contentsOfFile: path, encoding: .utf8), name: name)
    }

    private func readError(_ text: String, name: String = "policy.yaml") -> PolicyError? {
        do {
            _ = try TagPolicy.read(text: text, name: name)
            return nil
        } catch {
            return error
        }
    }

    // MARK: The shipped standard

    @Test func theShippedExamplesAreTheStandardAndEqual() throws {
        let yaml = try shipped("tags-cloud-z.yaml")
        let json = try shipped("tags-cloud-z.json")
        #expect(yaml == json)
        #expect(yaml == Self.standard)
        #expect(yaml.keys.map(\.key) == ["cz-project", "cz-owner", "cz-stage", "cz-org", "cz-appl", "cz-ext1", "cz-ext2", "cz-ext3"])
    }

    @Test(arguments: ["argos", "한글-1", "a_b", "a", "prd", "cz-01", String(repeating: "a", count: 63), "웹서버"])
    func theValuePatternAccepts(value: String) throws {
        let pattern = try #require(try shipped("tags-cloud-z.yaml").valuePattern)
        #expect(pattern.matches(value))
    }

    @Test(arguments: ["-x", "x-", "_x", "x_", "Abc", String(repeating: "a", count: 64), "", "a b", "a.b", "a/b", "ａ", "=1+2", "<b>"])
    func theValuePatternRefuses(value: String) throws {
        let pattern = try #require(try shipped("tags-cloud-z.yaml").valuePattern)
        #expect(!pattern.matches(value))
    }

    @Test(arguments: [
        ("argos-prd-sol-01", "Solution"), ("admin-console", nil), ("MOB_app.1", "Mobile"), ("icms gw", "GW"), ("prd-eks-node", "EKSNode"),
        ("infra-sol", "Solution"), ("solar", nil),
    ] as [(String, String?)])
    func ec2TypeComesFromWholeTokensOfName(name: String, type: String?) throws {
        let derived = try #require(try shipped("tags-cloud-z.json").derived.first)
        #expect(derived.value(for: name) == type)
    }

    /// Fragments that reach the readers' edges: indicators, quotes and escapes, line ends and tabs, markers,
    /// characters of several bytes, control characters.
    private static let fragments = [
        ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "#", " #", "\"", "'", "\\", "\\u", "\\uD800", "\\uD83D\\uDE00", "\n", "\r\n",
        "\r", "\t", "  ", "\n  ", "---", "\n---\n", "...", "&a ", "*a", "!t ", "|", ">", "? ", "%", "@", "한", "😀", "\u{0}",
        "\u{FEFF}", "null", "true", "1e5", "~", "01", "-0", "\"a\": ", "k: v\n",
    ]

    /// Mutated copies of the shipped policies end in a policy or a `PolicyError` on a line the text has,
    /// never in a crash: the readers index bytes by hand.
    @Test(arguments: ["tags-cloud-z.yaml", "tags-cloud-z.json"])
    func mutatedPoliciesReadOrFailCleanly(name: String) throws {
        let path = RepositoryPaths.root.appendingPathComponent("policies").appendingPathComponent(name).path
        let original = Array(try String(contentsOfFile: path, encoding: .utf8).unicodeScalars)
        var generator = SeededRandom(seed: UInt64(name.utf8.count))
        var failures = 0
        for _ in 0..<2_000 {
            var scalars = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0...scalars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: scalars.insert(contentsOf: Self.fragments.randomElement(using: &generator)!.unicodeScalars, at: at)
                case 1: scalars.removeSubrange(at..<min(scalars.count, at + Int.random(in: 1...8, using: &generator)))
                default: scalars.replaceSubrange(at..<min(scalars.count, at + 1), with: Self.fragments.randomElement(using: &generator)!.unicodeScalars)
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            do {
                _ = try TagPolicy.read(text: text, name: name)
            } catch {
                failures += 1
                let lines = text.utf8.count { $0 == UInt8(ascii: "\n") } + 1
                #expect((1...lines).contains(error.line ?? 0) && (error.column ?? 0) >= 1, "\(error)")
                #expect(error.description.hasPrefix("\(name):\(error.line ?? 0): "))
            }
        }
        #expect(failures > 700)
    }

    // MARK: Reading

    @Test func yamlAndJSONFormsDecodeAlike() throws {
        let yaml = """
            version: 1
            scope:
              ec2: [volume]
            keys:
              Team:
                required: true
                pattern: "^[A-Z][a-z]+$"
              cz-ext1:
            fill: {Team: Ops}
            """
        let json = """
            {"version": 1, "scope": {"ec2": ["volume"]}, "keys": {"Team": {"required": true, "pattern": "^[A-Z][a-z]+$"}, "cz-ext1": null},
             "fill": {"Team": "Ops"}}
            """
        let policy = try TagPolicy.read(text: yaml, name: "p.yaml")
        #expect(try TagPolicy.read(text: json, name: "p.json") == policy)
        #expect(policy.scope == TagPolicy.Scope(ec2: [.volume]))
        let team = TagPolicy.KeyRule(key: "Team", required: true, pattern: try ValuePattern("^[A-Z][a-z]+$"))
        #expect(policy.keys == [team, TagPolicy.KeyRule(key: "cz-ext1")])
        #expect(policy.valuePattern == nil && policy.derived.isEmpty && policy.groupBy == nil)
        #expect(policy.fill == ["Team": "Ops"])
    }

    @Test func sectionsLeftEmptyReadAsEmpty() throws {
        let policy = try TagPolicy.read(text: Self.base + "fill:\n  # cz-stage: prd\nderived:\n", name: "p.yaml")
        #expect(policy.fill.isEmpty && policy.derived.isEmpty)
    }

    @Test func aTaggingAPIOnlyScopeHasTheLongerKeyLimit() throws {
        let key = String(repeating: "k", count: 128)
        let policy = try TagPolicy.read(text: "version: 1\nscope: {taggingApi: [s3, \"rds:cluster\"]}\nkeys:\n  \(key): {}\n", name: "p.yaml")
        #expect(policy.scope.taggingAPI == ["s3", "rds:cluster"])
        #expect(policy.keys.map(\.key) == [key])
    }

    /// A policy a line at a time: line 1 version, 2 scope, 3 keys, 4 cz-stage, 5 cz-owner.
    private static let base = """
        version: 1
        scope: {ec2: [instance, volume], taggingApi: ["rds:db"]}
        keys:
          cz-stage: {required: true, values: [dev, stg, prd]}
          cz-owner:
            required: true

        """

    @Test(arguments: [
        ("version: 1\n", 1, "scope is missing"),
        ("[1, 2]\n", 1, "expected a map with version, scope, keys, valuePattern, fill, derived, groupBy, autorecovery, found a list"),
        ("version: 2\nscope: {ec2: [instance]}\nkeys: {}\n", 1, "version: this tool reads version 1 policies, found the number 2"),
        ("version: \"1\"\nscope: {ec2: [instance]}\nkeys: {}\n", 1, "version: this tool reads version 1 policies, found the string \"1\""),
        ("scope: {ec2: [instance]}\nkeys: {}\n", 1, "version is missing"),
        ("version: 1\nscope: {ec2: [instance]}\n", 1, "keys is missing"),
        ("version: 1\nscope: {}\nkeys: {}\n", 2, "scope: names no resource type (ec2 or taggingApi)"),
        ("version: 1\nscope:\n  ec2: [instance, subnet]\nkeys: {}\n", 3, "scope.ec2[1]: \"subnet\" is not one of instance, volume"),
        ("version: 1\nscope:\n  ec2: instance\nkeys: {}\n", 3, "scope.ec2: expected a list of strings, found the string \"instance\""),
        ("version: 1\nscope:\n  ec2: [instance, instance]\nkeys: {}\n", 3, "scope.ec2[1]: \"instance\" appears twice"),
        ("version: 1\nscope:\n  taggingApi: [\"RDS DB\"]\nkeys: {}\n", 3, "scope.taggingApi[0]: \"RDS DB\" is not a resource type of the Resource"),
        ("version: 1\nscope:\n  taggingApi: [\"rds:\"]\nkeys: {}\n", 3, "scope.taggingApi[0]: \"rds:\" is not a resource type"),
        ("version: 1\nscope:\n  taggingApi: [\"ec2:instance\"]\nkeys: {}\n", 3, "scope.taggingApi[0]: ec2:instance belongs in scope.ec2"),
        ("version: 1\nscope:\n  ec2: [instance]\n  regions: [x]\nkeys: {}\n", 4, "scope.regions: unknown field (known fields: ec2, taggingApi)"),
        ("version: 1\nscop: {ec2: [instance]}\n", 2, "scop: unknown field (did you mean scope?)"),
    ])
    func structuralMistakes(text: String, line: Int, message: String) throws {
        let error = try #require(readError(text))
        #expect(error.line == line, "\(error)")
        #expect(error.message.hasPrefix(message), "\(error)")
    }

    @Test(arguments: [
        ("    requird: true\n", 7, "keys.cz-owner.requird: unknown field (did you mean required?)"),
        ("    required: true\n", 7, "\"required\" appears twice (first on line 6)"),
        ("  cz-org: {required: yes}\n", 7, "keys.cz-org.required: expected true or false, found the string \"yes\""),
        ("    values: dev\n", 7, "keys.cz-owner.values: expected a list of strings, found the string \"dev\""),
        ("    values: [a, 3]\n", 7, "keys.cz-owner.values[1]: expected a string, found the number 3 (quote it: \"3\")"),
        ("    values: [a, {b: c}]\n", 7, "keys.cz-owner.values[1]: expected a string, found a map"),
        ("    values: []\n", 7, "keys.cz-owner.values: the list is empty"),
        ("    values: [a]\n    pattern: \"^a$\"\n", 8, "keys.cz-owner.pattern: give values or a pattern, not both"),
        ("    pattern: \"(?<=a)b\"\n", 7, "keys.cz-owner.pattern: not a regular expression this tool can use: lookbehind is not currently supported"),
        ("    pattern: \"(a\"\n", 7, "keys.cz-owner.pattern: not a regular expression this tool can use: expected ')'"),
        ("    pattern: \"\"\n", 7, "keys.cz-owner.pattern: must not be empty"),
        ("  CZ-Owner: {}\n", 7, "keys.CZ-Owner: the same key as \"cz-owner\" but for case"),
        ("  aws:owner: {}\n", 7, "keys.aws:owner: AWS refuses a key starting with aws:, which AWS reserves"),
        ("  \(String(repeating: "k", count: 128)): {}\n", 7, "keys.\"\(String(repeating: "k", count: 64))…\": AWS refuses a key of 128 characters"),
        ("  cz-org: [required]\n", 7, "keys.cz-org: expected a map with required, values, pattern, found a list"),
        ("  cz-org: {values: [\(String(repeating: "v", count: 257))]}\n", 7, "keys.cz-org.values[0]: AWS refuses a value of 257 characters (at most 256)"),
        ("valuePattern: \"(?<!-)x\"\n", 7, "valuePattern: not a regular expression this tool can use: lookbehind is not currently supported"),
        ("valuePattern: [x]\n", 7, "valuePattern: expected a string, found a list"),
        ("fill:\n  cz-org: x\n", 8, "fill.cz-org: not a key of the policy's keys"),
        ("fill:\n  cz-stage: prod\n", 8, "fill.cz-stage: \"prod\" breaks the key's own rule: not one of dev, stg, prd"),
        ("fill:\n  cz-stage: 2023\n", 8, "fill.cz-stage: expected a string, found the number 2023 (quote it: \"2023\")"),
        ("valuePattern: \"^[a-z]+$\"\nfill: {cz-owner: Ops}\n", 8, "fill.cz-owner: \"Ops\" breaks the key's own rule: does not match ^[a-z]+$"),
        ("fill: [cz-stage]\n", 7, "fill: expected a map of tag keys to values, found a list"),
        ("groupBy: [cz-owner]\n", 7, "groupBy: expected a string, found a list"),
        ("groupBy: \"aws:owner\"\n", 7, "groupBy: AWS refuses a key starting with aws:"),
        ("extra: 1\n", 7, "extra: unknown field (known fields: version, scope, keys, valuePattern, fill, derived, groupBy, autorecovery)"),
    ])
    func keyAndValueMistakes(addition: String, line: Int, message: String) throws {
        let error = try #require(readError(Self.base + addition))
        #expect(error.line == line, "\(error)")
        #expect(error.message.hasPrefix(message), "\(error)")
        #expect(error.description.hasPrefix("policy.yaml:\(line): \(message)"))
    }

    /// Line 7 `derived:`, 8 `EC2Type:`, 9 from, 10 separators, 11 rules, 12 the first rule, 13 scope.
    private static func derived(
        from: String = "Name", separators: String = "\"-_. \"", rule: String = "{tokens: [sol], value: Solution}", scope: String = "[instance]"
    ) -> String {
        base + "derived:\n  EC2Type:\n    from: \(from)\n    separators: \(separators)\n    rules:\n      - \(rule)\n    scope: \(scope)\n"
    }

    @Test(arguments: [
        (
            derived(rule: "{tokens: [sol-x], value: Solution}"), 12,
            "derived.EC2Type.rules[0].tokens[0]: \"sol-x\" holds the separator \"-\", so it can never be a whole token"
        ),
        (derived(rule: "{tokens: [], value: Solution}"), 12, "derived.EC2Type.rules[0].tokens: the list is empty"),
        (derived(rule: "{tokens: [sol]}"), 12, "derived.EC2Type.rules[0]: value is missing"),
        (derived(rule: "{tokens: [sol], value: Solution, when: x}"), 12, "derived.EC2Type.rules[0].when: unknown field"),
        (derived(rule: "{tokens: [sol], value: \"\"}"), 12, "derived.EC2Type.rules[0].value: must not be empty"),
        (derived(scope: "[volume, instance, volume]"), 13, "derived.EC2Type.scope[2]: \"volume\" appears twice"),
        (derived(scope: "[]"), 13, "derived.EC2Type.scope: the list is empty"),
        (derived(from: "\"aws:name\""), 9, "derived.EC2Type.from: AWS refuses a key starting with aws:"),
        (derived(from: "[Name]"), 9, "derived.EC2Type.from: expected a string, found a list"),
        (derived(separators: "[\"-\"]"), 10, "derived.EC2Type.separators: expected a string, found a list"),
        (
            base + "derived:\n  EC2Type:\n    from: Name\n    separators: \"-\"\n    rules: []\n    scope: [instance]\n", 11,
            "derived.EC2Type.rules: the list is empty"
        ),
        (
            base + "derived:\n  EC2Type:\n    from: Name\n    rules: [{tokens: [a], value: A}]\n    scope: [instance]\n", 9,
            "derived.EC2Type: separators is missing"
        ),
        (base + "derived:\n  EC2Type: Name\n", 8, "derived.EC2Type: expected a map with from, separators, rules, scope, found the string \"Name\""),
        (
            "version: 1\nscope: {ec2: [volume]}\nkeys: {}\nderived:\n  EC2Type:\n    from: Name\n    separators: \"-\"\n"
                + "    rules: [{tokens: [a], value: A}]\n    scope: [instance]\n",
            9, "derived.EC2Type.scope[0]: instance is not in scope.ec2, so the tag would never be derived"
        ),
    ])
    func derivedMistakes(text: String, line: Int, message: String) throws {
        let error = try #require(readError(text))
        #expect(error.line == line, "\(error)")
        #expect(error.message.hasPrefix(message), "\(error)")
    }

    @Test func derivedReadsWhenWellFormed() throws {
        let policy = try TagPolicy.read(text: Self.derived(), name: "p.yaml")
        let rule = TagPolicy.TokenRule(tokens: ["sol"], value: "Solution")
        #expect(policy.derived == [TagPolicy.DerivedTag(key: "EC2Type", from: "Name", separators: ["-", "_", ".", " "], rules: [rule], scope: [.instance])])
    }

    @Test func jsonMistakesNameTheirLineToo() throws {
        let text = """
            {
              "version": 1,
              "scope": {"ec2": ["instance"]},
              "keys": {
                "cz-owner": {"requird": true}
              }
            }
            """
        let error = try #require(readError(text, name: "policy.json"))
        #expect(error.description == "policy.json:5: keys.cz-owner.requird: unknown field (did you mean required?)")
    }

    @Test func hostileValuesAreJustStrings() throws {
        let text = """
            version: 1
            scope: {ec2: [instance]}
            keys:
              "<script>alert(1)</script>": {values: ["=cmd|' /C calc'!A0", "+SUM(A1)", "@A1", "x\\0y"]}
            groupBy: "=HYPERLINK(\\"http://x\\")"
            """
        let policy = try TagPolicy.read(text: text, name: "p.yaml")
        #expect(policy.keys == [TagPolicy.KeyRule(key: "<script>alert(1)</script>", values: ["=cmd|' /C calc'!A0", "+SUM(A1)", "@A1", "x\u{0}y"])])
        #expect(policy.groupBy == "=HYPERLINK(\"http://x\")")
    }
}
