import AWSCore

extension Catalogue {
    static let security: [ResourceKind] = [
        ResourceKind(
            id: "security-group-rules", sheet: "Security Group Rules", title: "Security group rules (one row per rule and peer)",
            category: .security, api: .ec2,
            listing: Listing(
                AWSOperation("DescribeSecurityGroups"), paging: .ec2(), items: "securityGroupInfo[]",
                expansions: [
                    Expansion("Rule", [.init("Inbound", "ipPermissions[]"), .init("Outbound", "ipPermissionsEgress[]")]),
                    Expansion("Peer", [
                        .init("IPv4", "Rule.ipRanges[]"), .init("IPv6", "Rule.ipv6Ranges[]"), .init("Prefix list", "Rule.prefixListIds[]"),
                        .init("Security group", "Rule.groups[]"),
                    ]),
                ]),
            columns: [
                Column("Group ID", "groupId"), Column("Group name", "groupName"), Column("VPC", "vpcId"),
                Column("Direction", .orElse(.path("RuleKind"), fallback: "no rules")), Column("Protocol", .ipProtocol("Rule.ipProtocol")),
                Column("Ports", .portRange(from: "Rule.fromPort", to: "Rule.toPort")), Column("Peer type", "PeerKind"),
                Column("Peer", .firstOf(["Peer.cidrIp", "Peer.cidrIpv6", "Peer.prefixListId", "Peer.groupId"])),
                Column("Rule description", "Peer.description"), Column("Group description", "groupDescription"),
            ]),
        ResourceKind(
            id: "secrets", sheet: "Secrets", title: "Secrets Manager secrets (names only, never values)", category: .security,
            api: .secretsManager,
            listing: Listing(AWSOperation("ListSecrets"), paging: .nextToken(sizes: 1...100), items: "SecretList[]"),
            columns: [
                Column("Name", "Name"), Column("Description", "Description"), Column("Rotation", "RotationEnabled"),
                Column("Last rotated", "LastRotatedDate", .timestamp), Column("Last accessed", "LastAccessedDate", .timestamp),
                Column("KMS key", "KmsKeyId"), Column("Created", "CreatedDate", .timestamp), Column("Tags", .tags("Tags[]")),
                Column("ARN", "ARN"),
            ],
            costServices: ["AWS Secrets Manager"]),
        ResourceKind(
            id: "acm-certificates", sheet: "ACM Certificates", title: "ACM certificates", category: .security, api: .acm,
            listing: Listing(
                // Without `Includes`, ListCertificates leaves out every key type but RSA 1024 and 2048.
                AWSOperation("ListCertificates"),
                input: [
                    InputField(
                        "Includes",
                        .value(.structure([
                            AWSValue.Member("keyTypes", .list([
                                "RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1",
                            ].map(AWSValue.string))),
                        ]))),
                ],
                paging: .nextToken(limit: "MaxItems", sizes: 1...1_000), items: "CertificateSummaryList[]"),
            columns: [
                Column("Domain", "DomainName"), Column("Status", "Status"), Column("Type", "Type"), Column("Key", "KeyAlgorithm"),
                Column("In use", "InUse"), Column("Expires", "NotAfter", .timestamp), Column("Renewal", "RenewalEligibility"),
                Column("ARN", "CertificateArn"),
            ],
            costServices: ["AWS Certificate Manager"]),
        ResourceKind(
            id: "kms-keys", sheet: "KMS Keys", title: "KMS keys", category: .security, api: .kms,
            listing: Listing(
                AWSOperation("ListKeys"), paging: .token("Marker", "NextMarker", more: "Truncated", limit: "Limit", sizes: 1...1_000),
                items: "Keys[]",
                detail: DetailCall(AWSOperation("DescribeKey"), input: [InputField("KeyId", .item("KeyId"))], result: "KeyMetadata")),
            columns: [
                Column("Key ID", "KeyId"), Column("Manager", "KeyManager"), Column("State", "KeyState"), Column("Usage", "KeyUsage"),
                Column("Spec", "KeySpec"), Column("Description", "Description"), Column("Multi-region", "MultiRegion"),
                Column("Created", "CreationDate", .timestamp), Column("ARN", .firstOf(["Arn", "KeyArn"])),
            ],
            costServices: ["AWS Key Management Service"]),
        ResourceKind(
            id: "waf-web-acls", sheet: "WAF Web ACLs", title: "WAF web ACLs (regional)", category: .security, api: .wafv2,
            listing: Listing(
                AWSOperation("ListWebACLs"), input: [InputField("Scope", .text("REGIONAL"))],
                paging: .token("NextMarker", "NextMarker", limit: "Limit", sizes: 1...100), items: "WebACLs[]"),
            columns: [Column("Name", "Name"), Column("ID", "Id"), Column("Description", "Description"), Column("ARN", "ARN")],
            costServices: ["AWS WAF"]),
        ResourceKind(
            id: "waf-cloudfront-acls", sheet: "WAF CloudFront ACLs", title: "WAF web ACLs (CloudFront)", category: .security, api: .wafv2,
            reach: .global(region: "us-east-1"),
            listing: Listing(
                AWSOperation("ListWebACLs"), input: [InputField("Scope", .text("CLOUDFRONT"))],
                paging: .token("NextMarker", "NextMarker", limit: "Limit", sizes: 1...100), items: "WebACLs[]"),
            columns: [Column("Name", "Name"), Column("ID", "Id"), Column("Description", "Description"), Column("ARN", "ARN")]),
        ResourceKind(
            id: "network-firewalls", sheet: "Network Firewalls", title: "Network firewalls", category: .security, api: .networkFirewall,
            listing: Listing(
                AWSOperation("ListFirewalls"), paging: .nextToken(sizes: 1...100), items: "Firewalls[]",
                detail: DetailCall(AWSOperation("DescribeFirewall"), input: [InputField("FirewallArn", .item("FirewallArn"))], result: "Firewall")),
            columns: [
                Column("Name", "FirewallName"), Column("VPC", "VpcId"), Column("Policy", .lastSegment("FirewallPolicyArn")),
                Column("Subnets", .join("SubnetMappings[].SubnetId")), Column("Delete protection", "DeleteProtection"),
                Column("ARN", "FirewallArn"),
            ],
            costServices: ["AWS Network Firewall"]),
        ResourceKind(
            id: "firewall-policies", sheet: "Firewall Policies", title: "Network Firewall policies", category: .security,
            api: .networkFirewall,
            listing: Listing(AWSOperation("ListFirewallPolicies"), paging: .nextToken(sizes: 1...100), items: "FirewallPolicies[]"),
            columns: [Column("Name", "Name"), Column("ARN", "Arn")]),
        ResourceKind(
            id: "shield-protections", sheet: "Shield Protections", title: "Shield Advanced protections", category: .security, api: .shield,
            reach: .global(region: "us-east-1"),
            listing: Listing(AWSOperation("ListProtections"), paging: .nextToken(sizes: 1...10_000), items: "Protections[]"),
            columns: [
                Column("Name", "Name"), Column("Resource", "ResourceArn"), Column("Protection ID", "Id"),
                Column("Health checks", .join("HealthCheckIds[]")),
            ],
            costServices: ["AWS Shield"]),
    ]
}
