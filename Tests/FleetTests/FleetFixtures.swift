@testable import Fleet

/// The corporate standard of 2023 as the tests build it without a file (the file form is tested in Policy/).
enum FleetFixtures {
    static func corporatePolicy() throws -> TagPolicy {
        TagPolicy(
            scope: TagPolicy.Scope(ec2: [.instance, .volume], taggingAPI: ["rds:db"]),
            keys: [
                TagPolicy.KeyRule(key: "cz-project", required: true), TagPolicy.KeyRule(key: "cz-owner", required: true),
                TagPolicy.KeyRule(key: "cz-stage", required: true, values: ["dev", "stg", "prd"]),
                TagPolicy.KeyRule(key: "cz-org", required: true), TagPolicy.KeyRule(key: "cz-appl", required: true),
                TagPolicy.KeyRule(key: "cz-ext1"),
            ],
            valuePattern: try ValuePattern("^[a-z0-9가-힣]([a-z0-9가-힣_-]{0,61}[a-z0-9가-힣])?$"),
            fill: ["cz-stage": "prd"],
            derived: [
                TagPolicy.DerivedTag(
                    key: "EC2Type", from: "Name", separators: Set("-_. "),
                    rules: [
                        TagPolicy.TokenRule(tokens: ["mob"], value: "Mobile"), TagPolicy.TokenRule(tokens: ["gw", "icms"], value: "GW"),
                        TagPolicy.TokenRule(tokens: ["sol"], value: "Solution"), TagPolicy.TokenRule(tokens: ["infra"], value: "Infra"),
                        TagPolicy.TokenRule(tokens: ["eks"], value: "EKSNode"),
                    ],
                    scope: [.instance])
            ],
            groupBy: "cz-owner")
    }

    static let compliant: [(String, String)] = [
        ("cz-project", "argos"), ("cz-owner", "ops-team"), ("cz-stage", "prd"), ("cz-org", "cloud-z"), ("cz-appl", "gateway"),
    ]

    static func instance(_ id: String, _ tags: [(String, String)], type: String = "instance", region: String = "ap-northeast-2") -> TaggedResource {
        TaggedResource(id: id, type: type, account: "123456789012", region: region, tags: tags.map { TaggedResource.Tag($0.0, $0.1) })
    }
}
