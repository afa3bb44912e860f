import AWSCore

extension Catalogue {
    static let backup: [ResourceKind] = [
        ResourceKind(
            id: "backup-vaults", sheet: "Backup Vaults", title: "Backup vaults", category: .backup, api: .backup,
            listing: Listing(
                AWSOperation("ListBackupVaults", method: .GET, path: "/backup-vaults/"),
                paging: .token("nextToken", "NextToken", limit: "maxResults", sizes: 1...1_000), items: "BackupVaultList[]"),
            columns: [
                Column("Vault", "BackupVaultName"), Column("Recovery points", "NumberOfRecoveryPoints", .integer), Column("Locked", "Locked"),
                Column("Encryption key", "EncryptionKeyArn"), Column("Created", "CreationDate", .timestamp), Column("ARN", "BackupVaultArn"),
            ],
            costServices: ["AWS Backup"]),
        ResourceKind(
            id: "backup-plans", sheet: "Backup Plans", title: "Backup plans", category: .backup, api: .backup,
            listing: Listing(
                AWSOperation("ListBackupPlans", method: .GET, path: "/backup/plans/"),
                paging: .token("nextToken", "NextToken", limit: "maxResults", sizes: 1...1_000), items: "BackupPlansList[]"),
            columns: [
                Column("Plan", "BackupPlanName"), Column("Plan ID", "BackupPlanId"), Column("Version", "VersionId"),
                Column("Last run", "LastExecutionDate", .timestamp), Column("Created", "CreationDate", .timestamp),
            ]),
        ResourceKind(
            id: "backup-protected-resources", sheet: "Backup Protected Resources", title: "Resources protected by AWS Backup",
            category: .backup, api: .backup,
            listing: Listing(
                AWSOperation("ListProtectedResources", method: .GET, path: "/resources/"),
                paging: .token("nextToken", "NextToken", limit: "maxResults", sizes: 1...1_000), items: "Results[]"),
            columns: [
                Column("Resource", "ResourceArn"), Column("Type", "ResourceType"), Column("Name", "ResourceName"),
                Column("Last backup", "LastBackupTime", .timestamp),
            ]),
        ResourceKind(
            id: "backup-jobs", sheet: "Backup Jobs", title: "Backup jobs created in the month (AWS lists the last 30 days)", category: .backup, api: .backup,
            listing: Listing(
                AWSOperation("ListBackupJobs", method: .GET, path: "/backup-jobs/"),
                input: [InputField("createdAfter", .monthStart), InputField("createdBefore", .monthEnd)],
                paging: .token("nextToken", "NextToken", limit: "maxResults", sizes: 1...1_000), items: "BackupJobs[]"),
            columns: [
                Column("Job", "BackupJobId"), Column("Resource", "ResourceArn"), Column("Type", "ResourceType"), Column("State", "State"),
                Column("Vault", "BackupVaultName"), Column("Size (bytes)", "BackupSizeInBytes", .bytes),
                Column("Created", "CreationDate", .timestamp), Column("Completed", "CompletionDate", .timestamp),
                Column("Message", "StatusMessage"),
            ]),
    ]
}
