#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import AWSCore
import AWSCredentialSources
import AsyncHTTPClientSupport
import HTTPCore

/// `opsdaily whoami`: per profile, the account and identity its credentials are, which source gave them,
/// and the region. The check before any longer run, and the one that tells which of five profiles is stale.
public struct WhoamiCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "whoami", abstract: "Show the account, ARN and credential source of each profile.")

    @OptionGroup public var global: GlobalOptions

    public init() {}

    struct Row: Encodable, Equatable {
        var profile: String
        var region: String?
        var account: String?
        var arn: String?
        var source: String?
        var error: String?
    }

    public func run() async throws {
        let transport = AsyncHTTPClientTransport()
        let session = AWSSession(environment: ProcessInfo.processInfo.environment, transport: transport)
        let rows = await Self.rows(session: session, options: global)
        try? await transport.shutdown()
        Self.print(rows, format: global.output)
        if rows.contains(where: { $0.error != nil }) { throw CommandExit(.failed) }
    }

    static func rows(session: AWSSession, options: GlobalOptions) async -> [Row] {
        let scopes = session.scopes(options)
        return await withTaskGroup(of: (Int, Row).self) { group in
            for (index, entry) in scopes.enumerated() {
                group.addTask {
                    let label = entry.profile ?? "(default chain)"
                    do {
                        let scope = try entry.scope.get()
                        let identity = try await STSClient(client: scope.client, configuration: try scope.configuration(for: .sts)).getCallerIdentity()
                        let credentials = try await scope.credentials.credentials()
                        return (index, Row(profile: label, region: scope.region, account: identity.Account, arn: identity.Arn, source: credentials.source))
                    } catch {
                        return (index, Row(profile: label, region: entry.region, error: String(describing: error)))
                    }
                }
            }
            var rows: [(Int, Row)] = []
            for await row in group { rows.append(row) }
            return rows.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    static func print(_ rows: [Row], format: OutputFormat) {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.write(String(decoding: (try? encoder.encode(rows)) ?? Data("[]".utf8), as: UTF8.self))
        case .text:
            let table = TextTable(header: ["PROFILE", "ACCOUNT", "ARN", "SOURCE", "REGION"])
            for row in rows where row.error == nil {
                table.add([row.profile, row.account ?? "", row.arn ?? "", row.source ?? "", row.region ?? ""])
            }
            if !table.isEmpty { Terminal.write(table.render()) }
            for row in rows {
                if let error = row.error { Terminal.writeError("\(row.profile): \(error)") }
            }
        }
    }
}
