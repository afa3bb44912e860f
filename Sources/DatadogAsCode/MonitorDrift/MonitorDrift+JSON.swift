extension MonitorDrift {
    /// `--output json`: the counts per kind, then every finding.
    public func json(catalogue: String, datadog: String) -> JSONTree {
        func integer(_ value: Int) -> JSONTree { .integer(String(value)) }
        let findings = self.findings.map { finding -> JSONTree in
            .object([
                JSONMember("kind", .string(finding.kind.rawValue)), JSONMember("key", finding.key.map(JSONTree.string) ?? .null),
                JSONMember("id", finding.id.map { .integer(String($0)) } ?? .null), JSONMember("name", .string(finding.name)),
                JSONMember("detail", .string(finding.detail)),
                JSONMember("differences", .array(finding.differences.map { difference in
                    .object([
                        JSONMember("field", .string(difference.field)), JSONMember("catalogue", .string(difference.catalogue)),
                        JSONMember("datadog", .string(difference.datadog)),
                    ])
                })),
            ])
        }
        return .object([
            JSONMember("catalogue", .string(catalogue)), JSONMember("catalogue_monitors", integer(catalogueSize)),
            JSONMember("datadog", .string(datadog)), JSONMember("team", .string(conventions.team)),
            JSONMember("team_monitors", integer(teamMonitors)), JSONMember("webhook", .string(conventions.webhookHandle)),
            JSONMember("drift", .bool(hasDrift)),
            JSONMember("counts", .object(DriftFinding.Kind.allCases.map { JSONMember($0.rawValue, integer(count($0))) })),
            JSONMember("findings", .array(findings)),
        ])
    }
}
