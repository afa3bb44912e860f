import AWSCore

extension Catalogue {
    static let identity: [ResourceKind] = [
        ResourceKind(
            id: "iam-users", sheet: "IAM Users", title: "IAM users", category: .identity, api: .iam, reach: .global(),
            listing: Listing(
                AWSOperation("ListUsers"), paging: .iam, items: "Users[]",
                detail: DetailCall(
                    AWSOperation("ListGroupsForUser"), input: [InputField("UserName", .item("UserName"))], result: "Groups[].GroupName",
                    paging: .iam, merge: .list(named: "GroupNames")),
                enrichment: .iamCredentialReport),
            columns: [
                Column("User", "UserName"),
                Column("Groups", .join("GroupNames[]")),
                Column(
                    "Last activity",
                    .latest([
                        "PasswordLastUsed", "CredentialReport.password_last_used", "CredentialReport.access_key_1_last_used_date",
                        "CredentialReport.access_key_2_last_used_date",
                    ])),
                Column("Console password last used", .firstOf(["CredentialReport.password_last_used", "PasswordLastUsed"]), .timestamp),
                Column("Access key 1 last used", "CredentialReport.access_key_1_last_used_date", .timestamp),
                Column("Access key 2 last used", "CredentialReport.access_key_2_last_used_date", .timestamp),
                Column("MFA", "CredentialReport.mfa_active"),
                Column("Created", "CreateDate", .timestamp),
                Column("Path", "Path"),
                Column("ARN", "Arn"),
            ],
            costServices: ["AWS Identity and Access Management"]),
        ResourceKind(
            id: "iam-groups", sheet: "IAM Groups", title: "IAM groups", category: .identity, api: .iam, reach: .global(),
            listing: Listing(AWSOperation("ListGroups"), paging: .iam, items: "Groups[]"),
            columns: [Column("Group", "GroupName"), Column("Created", "CreateDate", .timestamp), Column("Path", "Path"), Column("ARN", "Arn")]),
        ResourceKind(
            id: "iam-roles", sheet: "IAM Roles", title: "IAM roles", category: .identity, api: .iam, reach: .global(),
            listing: Listing(AWSOperation("ListRoles"), paging: .iam, items: "Roles[]"),
            columns: [
                Column("Role", "RoleName"), Column("Description", "Description"), Column("Max session (s)", "MaxSessionDuration", .integer),
                Column("Created", "CreateDate", .timestamp), Column("Path", "Path"), Column("ARN", "Arn"),
            ]),
        ResourceKind(
            id: "iam-policies", sheet: "IAM Policies", title: "IAM customer managed policies", category: .identity, api: .iam,
            reach: .global(),
            listing: Listing(AWSOperation("ListPolicies"), input: [InputField("Scope", .text("Local"))], paging: .iam, items: "Policies[]"),
            columns: [
                Column("Policy", "PolicyName"), Column("Attachments", "AttachmentCount", .integer),
                Column("Default version", "DefaultVersionId"), Column("Created", "CreateDate", .timestamp),
                Column("Updated", "UpdateDate", .timestamp), Column("ARN", "Arn"),
            ]),
    ]
}
