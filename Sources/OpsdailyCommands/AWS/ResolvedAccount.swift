import AWSCore
import AWSCredentialSources

/// A profile of the run with the account STS says it reaches.
struct ResolvedAccount: Sendable {
    let scope: AccountScope
    let accountID: String
}

extension AWSSession {
    /// Each profile of the command line (none: the default chain) with its account, asked concurrently with STS
    /// GetCallerIdentity, in the command line's order. A profile that fails (expired SSO, a broken role) is its
    /// own result: the others run.
    func resolveAccounts(_ global: GlobalOptions) async -> [(profile: String, result: Result<ResolvedAccount, any Error>)] {
        let profiles: [String?] = global.profiles.isEmpty ? [nil] : global.profiles
        let resolved = await withTaskGroup(of: (Int, Result<ResolvedAccount, any Error>).self) { group in
            for (index, profile) in profiles.enumerated() {
                group.addTask {
                    let result = await Result(catching: { () async throws -> ResolvedAccount in
                        let scope = try scope(profile: profile, region: global.regions.first)
                        let identity = try await STSClient(client: scope.client, configuration: try scope.configuration(for: .sts)).getCallerIdentity()
                        return ResolvedAccount(scope: scope, accountID: identity.Account)
                    })
                    return (index, result)
                }
            }
            var resolved: [(Int, Result<ResolvedAccount, any Error>)] = []
            for await outcome in group { resolved.append(outcome) }
            return resolved.sorted { $0.0 < $1.0 }
        }
        return resolved.map { index, result in (profiles[index] ?? "(default chain)", result) }
    }
}
